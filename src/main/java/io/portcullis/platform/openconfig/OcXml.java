package io.portcullis.platform.openconfig;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * JAXB binding of the managed openconfig-acl subtree: only what the reader needs; state containers,
 * counters and unknown augmentations are ignored. Identity leaves are QNames so their prefixes are
 * resolved through the document's namespace declarations.
 */
final class OcXml {
    private OcXml() {
    }

    @XmlRootElement(name = "acl")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Acl {
        @XmlElementWrapper(name = "acl-sets")
        @XmlElement(name = "acl-set")
        List<AclSet> sets = new ArrayList<>();
        @XmlElementWrapper(name = "interfaces")
        @XmlElement(name = "interface")
        List<Interface> interfaces = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class AclSet {
        String name;
        QName type;
        SetConfig config;
        @XmlElementWrapper(name = "acl-entries")
        @XmlElement(name = "acl-entry")
        List<Entry> entries = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class SetConfig {
        String name;
        QName type;
        String description;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Entry {
        @XmlElement(name = "sequence-id")
        String sequenceId;
        EntryConfig config;
        L3 ipv4;
        L3 ipv6;
        Transport transport;
        Actions actions;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class EntryConfig {
        @XmlElement(name = "sequence-id")
        String sequenceId;
        String description;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class L3 {
        L3Config config;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class L3Config {
        QName protocol;
        @XmlElement(name = "destination-address")
        String destinationAddress;
        @XmlElement(name = "source-address")
        String sourceAddress;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Transport {
        TransportConfig config;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class TransportConfig {
        @XmlElement(name = "destination-port")
        String destinationPort;
        @XmlElement(name = "source-port")
        String sourcePort;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Actions {
        ActionConfig config;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class ActionConfig {
        @XmlElement(name = "forwarding-action")
        QName forwardingAction;
        @XmlElement(name = "log-action")
        QName logAction;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Interface {
        String id;
        InterfaceConfig config;
        @XmlElementWrapper(name = "egress-acl-sets")
        @XmlElement(name = "egress-acl-set")
        List<SetRef> egress = new ArrayList<>();
        @XmlElementWrapper(name = "ingress-acl-sets")
        @XmlElement(name = "ingress-acl-set")
        List<SetRef> ingress = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class InterfaceConfig {
        String id;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class SetRef {
        @XmlElement(name = "set-name")
        String setName;
        QName type;
        SetRefConfig config;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class SetRefConfig {
        @XmlElement(name = "set-name")
        String setName;
        QName type;
    }
}
