package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code range {start end}}. */
public class SRange {
    @XmlElement(name = "start")
    public String start;
    @XmlElement(name = "end")
    public String end;
}
