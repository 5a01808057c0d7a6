package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code dst-port|src-port|port}: eq, lt, gt, range or port-list. */
public class SPort {
    @XmlElement(name = "eq")
    public String eq;

    @XmlElement(name = "lt")
    public String lt;

    @XmlElement(name = "gt")
    public String gt;

    @XmlElement(name = "range")
    public SRange range;

    @XmlElement(name = "port-list")
    public String portList;
}
