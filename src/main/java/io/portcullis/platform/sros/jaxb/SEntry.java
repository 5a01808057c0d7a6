package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code entry[entry-id]}. */
public class SEntry {
    @XmlElement(name = "entry-id")
    public String id;

    @XmlElement(name = "description")
    public String description;

    @XmlElement(name = "log")
    public String log;

    @XmlElement(name = "match")
    public SMatch match;

    @XmlElement(name = "action")
    public SAction action;
}
