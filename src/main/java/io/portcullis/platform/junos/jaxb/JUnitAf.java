package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code family inet|inet6}: only its {@code filter} matters here. */
public class JUnitAf {
    @XmlElement(name = "filter")
    public JUnitFilter filter;
}
