package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

@XmlAccessorType(XmlAccessType.FIELD)
public class IMatches {
    public IL3 ipv4;
    public IL3 ipv6;
    public IL4 tcp;
    public IL4 udp;
}
