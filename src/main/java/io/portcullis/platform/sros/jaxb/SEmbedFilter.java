package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code embed/filter[name offset]}: an embedded-scope filter's entries inserted at entry-id + offset. */
public class SEmbedFilter {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "offset")
    public String offset;

    @XmlElement(name = "admin-state")
    public String adminState;
}
