package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code term from}: the match conditions Portcullis models; anything else is kept in {@link #other}. */
public class JFrom {
    @XmlElement(name = "protocol")
    public List<String> protocol = new ArrayList<>();

    @XmlElement(name = "next-header")
    public List<String> nextHeader = new ArrayList<>();

    @XmlElement(name = "payload-protocol")
    public List<String> payloadProtocol = new ArrayList<>();

    @XmlElement(name = "destination-port")
    public List<String> destinationPort = new ArrayList<>();

    @XmlElement(name = "source-port")
    public List<String> sourcePort = new ArrayList<>();
    /** Junos {@code port}: source OR destination. */
    @XmlElement(name = "port")
    public List<String> port = new ArrayList<>();

    @XmlElement(name = "destination-address")
    public List<JAddress> destinationAddress = new ArrayList<>();

    @XmlElement(name = "source-address")
    public List<JAddress> sourceAddress = new ArrayList<>();

    @XmlAnyElement
    public List<Object> other = new ArrayList<>();
}
