/**
 * JAXB classes for the IOS-XR native-model subtree Portcullis manages: the IPv4/IPv6 access lists
 * ({@code Cisco-IOS-XR-ipv4-acl-cfg}, {@code Cisco-IOS-XR-ipv6-acl-cfg}), interface packet filters
 * ({@code Cisco-IOS-XR-ifmgr-cfg} + {@code Cisco-IOS-XR-ip-pfilter-cfg}) and subscriber dynamic
 * templates ({@code Cisco-IOS-XR-subscriber-infra-tmplmgr-cfg} + {@code …-ip-pfilter-subscriber-cfg}).
 * Declared without namespaces: {@link io.portcullis.platform.XmlReading} maps every namespace to none,
 * the local names are distinct. Values are strings; the reader parses them with clear messages.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
