package io.portcullis.platform.vrp;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** JAXB binding of huawei-acl's advanced IPv4/IPv6 groups; basic/link/user/ARP rules and counters are ignored. */
final class VrpXml {
    private VrpXml() {
    }

    @XmlRootElement(name = "acl")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Acl {
        @XmlElementWrapper(name = "aclGroups")
        @XmlElement(name = "aclGroup")
        List<Group> groups = new ArrayList<>();
        @XmlElementWrapper(name = "aclGroup6s")
        @XmlElement(name = "aclGroup6")
        List<Group> groups6 = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Group {
        String aclNumOrName;
        String aclType;
        String aclDescription;
        @XmlElementWrapper(name = "aclRuleAdv4s")
        @XmlElement(name = "aclRuleAdv4")
        List<Rule> rules4 = new ArrayList<>();
        @XmlElementWrapper(name = "aclRuleAdv6s")
        @XmlElement(name = "aclRuleAdv6")
        List<Rule> rules6 = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Rule {
        String aclRuleName;
        String aclRuleID;
        String aclAction;
        String aclActiveStatus;
        String aclProtocol;
        String aclSourceIp;
        String aclSrcWild;
        String aclSrcMaskMode;
        String aclSourceIpMask;
        String aclDestIp;
        String aclDestWild;
        String aclDestMaskMode;
        String aclDestIpMask;
        String aclSrcPortOp;
        String aclSrcPortBegin;
        String aclSrcPortEnd;
        String aclDestPortOp;
        String aclDestPortB;
        String aclDestPortE;
        String aclRuleDescription;
        String aclLogFlag;
    }
}
