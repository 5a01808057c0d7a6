package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code inbound} / {@code outbound}: the ACL name. */
public class XBound {
    @XmlElement(name = "name")
    public String name;
}
