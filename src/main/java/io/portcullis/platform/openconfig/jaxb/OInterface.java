package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
public class OInterface {
    public String id;
    public OInterfaceConfig config;

    @XmlElementWrapper(name = "egress-acl-sets")
    @XmlElement(name = "egress-acl-set")
    public List<OSetRef> egress = new ArrayList<>();

    @XmlElementWrapper(name = "ingress-acl-sets")
    @XmlElement(name = "ingress-acl-set")
    public List<OSetRef> ingress = new ArrayList<>();
}
