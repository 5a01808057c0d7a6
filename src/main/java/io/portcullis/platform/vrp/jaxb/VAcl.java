package io.portcullis.platform.vrp.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

@XmlRootElement(name = "acl")
@XmlAccessorType(XmlAccessType.FIELD)
public class VAcl {
    @XmlElementWrapper(name = "aclGroups")
    @XmlElement(name = "aclGroup")
    public List<VGroup> groups = new ArrayList<>();

    @XmlElementWrapper(name = "aclGroup6s")
    @XmlElement(name = "aclGroup6")
    public List<VGroup> groups6 = new ArrayList<>();
}
