/**
 * JAXB binding of the managed openconfig-acl subtree: only what the reader needs; state containers, counters and unknown augmentations are ignored. Identity leaves are QNames so their prefixes are resolved through the document's namespace declarations.
 * One class per element of the managed subtree; fields are strings (or QNames for identities) and
 * the reader parses them, so a bad value becomes a clear message instead of a silent 0.
 */
@XmlSchema(namespace = OpenConfigFacts.NS_ACL, elementFormDefault = XmlNsForm.QUALIFIED)
package io.portcullis.platform.openconfig.jaxb;

import io.portcullis.platform.openconfig.OpenConfigFacts;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
