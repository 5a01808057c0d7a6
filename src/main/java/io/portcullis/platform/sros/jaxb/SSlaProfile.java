package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code sla-profile[name]}. */
public class SSlaProfile {
    @XmlElement(name = "name")
    public String name;
    @XmlElement(name = "ingress")
    public SSlaFilters ingress;
    @XmlElement(name = "egress")
    public SSlaFilters egress;
}
