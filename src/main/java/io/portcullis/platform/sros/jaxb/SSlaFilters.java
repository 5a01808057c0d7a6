package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code sla-profile ingress|egress}: filter names. */
public class SSlaFilters {
    @XmlElement(name = "ip-filter")
    public String ipFilter;

    @XmlElement(name = "ipv6-filter")
    public String ipv6Filter;
}
