/** IETF RFC 8519 ACL: renderer, JAXB reader, facts. JAXB classes bind the ietf-access-control-list namespace. */
@XmlSchema(namespace = IetfFacts.NS_ACL, elementFormDefault = XmlNsForm.QUALIFIED)
package io.portcullis.platform.ietf;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
