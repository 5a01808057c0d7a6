package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code ipv4-acl-and-prefix-list}. */
@XmlRootElement(name = "ipv4-acl-and-prefix-list")
public class XIpv4AclRoot extends XAclRoot {}
