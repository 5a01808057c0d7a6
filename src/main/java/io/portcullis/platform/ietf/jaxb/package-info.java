/**
 * JAXB binding of the managed RFC 8519 subtree; statistics (config false) and icmp/eth matches are ignored.
 * One class per element of the managed subtree; fields are strings (or QNames for identities) and
 * the reader parses them, so a bad value becomes a clear message instead of a silent 0.
 */
@XmlSchema(namespace = IetfFacts.NS_ACL, elementFormDefault = XmlNsForm.QUALIFIED)
package io.portcullis.platform.ietf.jaxb;

import io.portcullis.platform.ietf.IetfFacts;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
