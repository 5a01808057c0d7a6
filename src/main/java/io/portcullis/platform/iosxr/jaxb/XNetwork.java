package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code source-network} / {@code destination-network}. */
public class XNetwork {
    @XmlElement(name = "source-address")
    public String sourceAddress;

    @XmlElement(name = "source-wild-card-bits")
    public String sourceWildCardBits;

    @XmlElement(name = "source-prefix-length")
    public String sourcePrefixLength;

    @XmlElement(name = "destination-address")
    public String destinationAddress;

    @XmlElement(name = "destination-wild-card-bits")
    public String destinationWildCardBits;

    @XmlElement(name = "destination-prefix-length")
    public String destinationPrefixLength;
}
