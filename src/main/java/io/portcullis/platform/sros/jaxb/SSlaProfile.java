package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code sla-profile[name]}. */
public class SSlaProfile {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "ingress")
    public SSlaFilters ingress;

    @XmlElement(name = "egress")
    public SSlaFilters egress;
}
