package io.portcullis.platform.vrp.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
public class VGroup {
    public String aclNumOrName;
    public String aclType;
    public String aclDescription;

    @XmlElementWrapper(name = "aclRuleAdv4s")
    @XmlElement(name = "aclRuleAdv4")
    public List<VRule> rules4 = new ArrayList<>();

    @XmlElementWrapper(name = "aclRuleAdv6s")
    @XmlElement(name = "aclRuleAdv6")
    public List<VRule> rules6 = new ArrayList<>();
}
