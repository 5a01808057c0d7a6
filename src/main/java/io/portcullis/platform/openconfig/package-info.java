/** OpenConfig (openconfig-acl): renderer, JAXB reader, facts. JAXB classes bind the acl namespace. */
@XmlSchema(namespace = OpenConfigFacts.NS_ACL, elementFormDefault = XmlNsForm.QUALIFIED)
package io.portcullis.platform.openconfig;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
