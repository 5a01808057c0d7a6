package io.portcullis.platform.vrp.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

@XmlAccessorType(XmlAccessType.FIELD)
public class VRule {
    public String aclRuleName;
    public String aclRuleID;
    public String aclAction;
    public String aclActiveStatus;
    public String aclProtocol;
    public String aclSourceIp;
    public String aclSrcWild;
    public String aclSrcMaskMode;
    public String aclSourceIpMask;
    public String aclDestIp;
    public String aclDestWild;
    public String aclDestMaskMode;
    public String aclDestIpMask;
    public String aclSrcPortOp;
    public String aclSrcPortBegin;
    public String aclSrcPortEnd;
    public String aclDestPortOp;
    public String aclDestPortB;
    public String aclDestPortE;
    public String aclRuleDescription;
    public String aclLogFlag;
}
