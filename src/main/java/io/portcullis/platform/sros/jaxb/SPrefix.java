package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code prefix[ip-prefix|ipv6-prefix]}. */
public class SPrefix {
    @XmlElement(name = "ip-prefix")
    public String ipPrefix;

    @XmlElement(name = "ipv6-prefix")
    public String ipv6Prefix;
}
