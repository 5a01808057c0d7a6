package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;

@XmlAccessorType(XmlAccessType.FIELD)
public class OEntry {
    @XmlElement(name = "sequence-id")
    public String sequenceId;

    public OEntryConfig config;
    public OL3 ipv4;
    public OL3 ipv6;
    public OTransport transport;
    public OActions actions;
}
