/**
 * JAXB binding of huawei-acl's advanced IPv4/IPv6 groups (namespace {@link io.portcullis.platform.vrp.VrpFacts#NS_ACL}); basic/link/user/ARP rules and counters are ignored.
 * One class per element of the managed subtree; fields are strings (or QNames for identities) and
 * the reader parses them, so a bad value becomes a clear message instead of a silent 0.
 */
@XmlSchema(namespace = VrpFacts.NS_ACL, elementFormDefault = XmlNsForm.QUALIFIED)
package io.portcullis.platform.vrp.jaxb;

import io.portcullis.platform.vrp.VrpFacts;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
