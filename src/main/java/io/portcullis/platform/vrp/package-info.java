/** Huawei VRP8 (huawei-acl, CE6850 schema YANG): renderer, JAXB reader, facts. JAXB classes bind the huawei-acl namespace. */
@XmlSchema(namespace = VrpFacts.NS_ACL, elementFormDefault = XmlNsForm.QUALIFIED)
package io.portcullis.platform.vrp;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
