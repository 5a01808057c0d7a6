package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code input|output { filter-name NAME; }}. */
public class JFilterRef {
    @XmlElement(name = "filter-name")
    public String filterName;
}
