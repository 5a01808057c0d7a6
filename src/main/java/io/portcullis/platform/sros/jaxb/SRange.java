package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code range {start end}}. */
public class SRange {
    @XmlElement(name = "start")
    public String start;

    @XmlElement(name = "end")
    public String end;
}
