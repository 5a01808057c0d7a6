package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

@XmlRootElement(name = "acl")
@XmlAccessorType(XmlAccessType.FIELD)
public class OAcl {
    @XmlElementWrapper(name = "acl-sets")
    @XmlElement(name = "acl-set")
    public List<OAclSet> sets = new ArrayList<>();

    @XmlElementWrapper(name = "interfaces")
    @XmlElement(name = "interface")
    public List<OInterface> interfaces = new ArrayList<>();
}
