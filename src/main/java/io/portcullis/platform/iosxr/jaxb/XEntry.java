package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code access-list-entry}: a rule ({@code grant}) or a {@code remark} line. */
public class XEntry {
    @XmlElement(name = "sequence-number")
    public String sequenceNumber;

    @XmlElement(name = "grant")
    public String grant;

    @XmlElement(name = "remark")
    public String remark;

    @XmlElement(name = "protocol")
    public String protocol;

    @XmlElement(name = "source-network")
    public XNetwork sourceNetwork;

    @XmlElement(name = "destination-network")
    public XNetwork destinationNetwork;

    @XmlElement(name = "source-port")
    public XPort sourcePort;

    @XmlElement(name = "destination-port")
    public XPort destinationPort;

    @XmlElement(name = "counter-name")
    public String counterName;

    @XmlElement(name = "log-option")
    public String logOption;

    @XmlAnyElement
    public List<Object> other = new ArrayList<>();
}
