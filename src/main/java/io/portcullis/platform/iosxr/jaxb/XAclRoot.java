package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** Common shape of {@code ipv4-acl-and-prefix-list} and {@code ipv6-acl-and-prefix-list}. */
public class XAclRoot {
    @XmlElement(name = "accesses")
    public XAccesses accesses;
}
