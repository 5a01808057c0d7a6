package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code ipv4-acl-and-prefix-list}. */
@XmlRootElement(name = "ipv4-acl-and-prefix-list")
public class XIpv4AclRoot extends XAclRoot {
}
