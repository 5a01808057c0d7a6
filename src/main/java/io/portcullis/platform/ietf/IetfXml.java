package io.portcullis.platform.ietf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/** JAXB binding of the managed RFC 8519 subtree; statistics (config false) and icmp/eth matches are ignored. */
final class IetfXml {
    private IetfXml() {
    }

    @XmlRootElement(name = "acls")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Acls {
        List<Acl> acl = new ArrayList<>();
        @XmlElement(name = "attachment-points")
        AttachmentPoints attachmentPoints;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Acl {
        String name;
        QName type;
        @XmlElementWrapper(name = "aces")
        List<Ace> ace = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Ace {
        String name;
        Matches matches;
        Actions actions;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Matches {
        L3 ipv4;
        L3 ipv6;
        L4 tcp;
        L4 udp;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class L3 {
        String protocol;
        @XmlElement(name = "destination-ipv4-network")
        String destinationIpv4;
        @XmlElement(name = "destination-ipv6-network")
        String destinationIpv6;
        @XmlElement(name = "source-ipv4-network")
        String sourceIpv4;
        @XmlElement(name = "source-ipv6-network")
        String sourceIpv6;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class L4 {
        @XmlElement(name = "destination-port")
        Port destinationPort;
        @XmlElement(name = "source-port")
        Port sourcePort;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Port {
        @XmlElement(name = "lower-port")
        String lowerPort;
        @XmlElement(name = "upper-port")
        String upperPort;
        String operator;
        String port;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Actions {
        QName forwarding;
        QName logging;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class AttachmentPoints {
        @XmlElement(name = "interface")
        List<Interface> interfaces = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Interface {
        @XmlElement(name = "interface-id")
        String interfaceId;
        Direction ingress;
        Direction egress;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Direction {
        @XmlElementWrapper(name = "acl-sets")
        @XmlElement(name = "acl-set")
        List<AclSetRef> sets = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class AclSetRef {
        String name;
    }
}
