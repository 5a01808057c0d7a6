package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code entry/match}: modelled conditions; anything else lands in {@link #other}. */
public class SMatch {
    @XmlElement(name = "protocol")
    public String protocol;

    @XmlElement(name = "next-header")
    public String nextHeader;

    @XmlElement(name = "dst-ip")
    public SIp dstIp;

    @XmlElement(name = "src-ip")
    public SIp srcIp;

    @XmlElement(name = "dst-port")
    public SPort dstPort;

    @XmlElement(name = "src-port")
    public SPort srcPort;
    /** SR OS {@code port}: source OR destination. */
    @XmlElement(name = "port")
    public SPort port;

    @XmlAnyElement
    public List<Object> other = new ArrayList<>();
}
