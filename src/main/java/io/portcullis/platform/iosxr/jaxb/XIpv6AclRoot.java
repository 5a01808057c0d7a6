package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code ipv6-acl-and-prefix-list}. */
@XmlRootElement(name = "ipv6-acl-and-prefix-list")
public class XIpv6AclRoot extends XAclRoot {}
