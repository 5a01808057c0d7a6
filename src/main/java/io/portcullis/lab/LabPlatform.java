package io.portcullis.lab;

import io.portcullis.lab.device.DeviceProfile;
import java.util.List;
import java.util.Locale;

/**
 * The six simulated platforms: what each advertises, its platform-shaped initial running configuration
 * (no managed filters yet, one foreign filter bound elsewhere, the interfaces and subscriber templates the
 * inventory's attach points name) and those attach points (what the platform renderers support).
 */
public enum LabPlatform {
    JUNOS(
            false,
            List.of("http://xml.juniper.net/netconf/junos/1.0"),
            List.of("ge-1/0/0.100"),
            List.of("PPPOE-SUBSCRIBER"),
            """
            <configuration>
              <system><host-name>%s</host-name></system>
              <interfaces>
                <interface><name>ge-1/0/0</name><unit><name>100</name><family><inet><address><name>100.64.0.1/22</name></address></inet></family></unit></interface>
                <interface><name>ge-0/0/0</name><unit><name>0</name><family><inet><filter><input><filter-name>FOREIGN-MGMT</filter-name></input></filter></inet></family></unit></interface>
              </interfaces>
              <firewall><family><inet><filter><name>FOREIGN-MGMT</name>
                <term><name>allow-ssh</name><from><protocol>tcp</protocol><destination-port>22</destination-port></from><then><accept/></then></term>
              </filter></inet></family></firewall>
              <dynamic-profiles><name>PPPOE-SUBSCRIBER</name><interfaces><interface><name>pp0</name><unit><name>$junos-interface-unit</name>
                <family><inet><unnumbered-address><source>lo0.0</source></unnumbered-address></inet></family></unit></interface></interfaces></dynamic-profiles>
            </configuration>"""),
    IOSXR(
            true,
            List.of(
                    xr("Cisco-IOS-XR-ipv4-acl-cfg", "2018-05-08"), xr("Cisco-IOS-XR-ipv6-acl-cfg", "2018-04-03"),
                    xr("Cisco-IOS-XR-ifmgr-cfg", "2017-09-07"), xr("Cisco-IOS-XR-ip-pfilter-cfg", "2017-09-30"),
                    xr("Cisco-IOS-XR-subscriber-infra-tmplmgr-cfg", "2015-01-07"),
                            xr("Cisco-IOS-XR-ip-pfilter-subscriber-cfg", "2015-11-09")),
            List.of("Bundle-Ether1.100"),
            List.of("IPOE-SUB"),
            """
            <interface-configurations xmlns="http://cisco.com/ns/yang/Cisco-IOS-XR-ifmgr-cfg">
              <interface-configuration><active>act</active><interface-name>Bundle-Ether1.100</interface-name><description>subscribers %s</description></interface-configuration>
              <interface-configuration><active>act</active><interface-name>MgmtEth0/RP0/CPU0/0</interface-name>
                <ipv4-packet-filter xmlns="http://cisco.com/ns/yang/Cisco-IOS-XR-ip-pfilter-cfg"><inbound><name>FOREIGN-MGMT</name></inbound></ipv4-packet-filter>
              </interface-configuration>
            </interface-configurations>
            <ipv4-acl-and-prefix-list xmlns="http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-acl-cfg"><accesses>
              <access><access-list-name>FOREIGN-MGMT</access-list-name><access-list-entries>
                <access-list-entry><sequence-number>10</sequence-number><grant>permit</grant><protocol>tcp</protocol>
                  <destination-port><destination-operator>equal</destination-operator><first-destination-port>22</first-destination-port></destination-port>
                </access-list-entry>
              </access-list-entries></access>
            </accesses></ipv4-acl-and-prefix-list>
            <dynamic-template xmlns="http://cisco.com/ns/yang/Cisco-IOS-XR-subscriber-infra-tmplmgr-cfg">
              <ip-subscribers><ip-subscriber><template-name>IPOE-SUB</template-name></ip-subscriber></ip-subscribers>
            </dynamic-template>"""),
    SROS(
            true,
            List.of("urn:nokia.com:sros:ns:yang:sr:conf?module=nokia-conf&revision=2019-07-15"),
            List.of(),
            List.of("RESIDENTIAL"),
            """
            <configure xmlns="urn:nokia.com:sros:ns:yang:sr:conf">
              <system><name>%s</name></system>
              <filter><ip-filter><filter-name>FOREIGN-MGMT</filter-name><default-action>drop</default-action>
                <entry><entry-id>10</entry-id><match><protocol>tcp</protocol><dst-port><eq>22</eq></dst-port></match><action><accept/></action></entry>
              </ip-filter></filter>
              <subscriber-mgmt><sla-profile><name>RESIDENTIAL</name><description>residential subscribers</description></sla-profile></subscriber-mgmt>
            </configure>"""),
    VRP(
            true,
            List.of(
                    "http://www.huawei.com/netconf/vrp/huawei-acl?module=huawei-acl&revision=2017-03-23",
                    "http://www.huawei.com/netconf/vrp/huawei-ifm?module=huawei-ifm&revision=2017-03-23"),
            List.of(),
            List.of(),
            """
            <ifm xmlns="http://www.huawei.com/netconf/vrp/huawei-ifm"><interfaces>
              <interface><ifName>GigabitEthernet0/1/0.100</ifName><ifDescr>subscribers %s</ifDescr></interface>
            </interfaces></ifm>
            <acl xmlns="http://www.huawei.com/netconf/vrp/huawei-acl"><aclGroups>
              <aclGroup><aclNumOrName>3999</aclNumOrName><aclType>Advance</aclType><aclNumber>3999</aclNumber><aclDescription>FOREIGN-MGMT</aclDescription>
                <aclRuleAdv4s><aclRuleAdv4><aclRuleName>r5</aclRuleName><aclRuleID>5</aclRuleID><aclAction>permit</aclAction><aclProtocol>6</aclProtocol>
                  <aclDestPortOp>eq</aclDestPortOp><aclDestPortB>22</aclDestPortB></aclRuleAdv4></aclRuleAdv4s>
              </aclGroup>
            </aclGroups></acl>"""),
    OPENCONFIG(
            true,
            List.of(
                    "http://openconfig.net/yang/acl?module=openconfig-acl&revision=2023-02-06",
                    "http://openconfig.net/yang/interfaces?module=openconfig-interfaces&revision=2023-02-06",
                    "http://openconfig.net/yang/packet-match-types?module=openconfig-packet-match-types&revision=2023-01-29"),
            List.of("Ethernet1/1.100"),
            List.of(),
            """
            <interfaces xmlns="http://openconfig.net/yang/interfaces">
              <interface><name>Ethernet1/1</name><config><name>Ethernet1/1</name><description>%s access</description>
                <type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type></config>
                <subinterfaces><subinterface><index>100</index><config><index>100</index></config></subinterface></subinterfaces></interface>
            </interfaces>
            <acl xmlns="http://openconfig.net/yang/acl" xmlns:oc-acl="http://openconfig.net/yang/acl"><acl-sets>
              <acl-set><name>FOREIGN-MGMT</name><type>oc-acl:ACL_IPV4</type><config><name>FOREIGN-MGMT</name><type>oc-acl:ACL_IPV4</type></config>
                <acl-entries><acl-entry><sequence-id>10</sequence-id><config><sequence-id>10</sequence-id></config>
                  <actions><config><forwarding-action>oc-acl:ACCEPT</forwarding-action></config></actions></acl-entry></acl-entries>
              </acl-set>
            </acl-sets></acl>"""),
    IETF(
            true,
            List.of(
                    "urn:ietf:params:xml:ns:yang:ietf-access-control-list?module=ietf-access-control-list&revision=2019-03-04",
                    "urn:ietf:params:xml:ns:yang:ietf-interfaces?module=ietf-interfaces&revision=2018-02-20"),
            List.of("eth1.100"),
            List.of(),
            """
            <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces">
              <interface><name>eth1.100</name><description>%s access</description><type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:l2vlan</type></interface>
              <interface><name>eth0</name><type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type></interface>
            </interfaces>
            <acls xmlns="urn:ietf:params:xml:ns:yang:ietf-access-control-list">
              <acl><name>FOREIGN-MGMT</name><type>ipv4-acl-type</type><aces>
                <ace><name>allow-ssh</name><matches><ipv4><protocol>6</protocol></ipv4><tcp><destination-port><operator>eq</operator><port>22</port></destination-port></tcp></matches>
                  <actions><forwarding>accept</forwarding></actions></ace>
              </aces></acl>
              <attachment-points><interface><interface-id>eth0</interface-id><ingress><acl-sets><acl-set><name>FOREIGN-MGMT</name></acl-set></acl-sets></ingress></interface></attachment-points>
            </acls>""");

    private final boolean confirmedCommit11;
    private final List<String> moduleCapabilities;
    private final List<String> interfaces;
    private final List<String> profiles;
    private final String initialConfig;

    LabPlatform(
            boolean confirmedCommit11,
            List<String> moduleCapabilities,
            List<String> interfaces,
            List<String> profiles,
            String initialConfig) {
        this.confirmedCommit11 = confirmedCommit11;
        this.moduleCapabilities = moduleCapabilities;
        this.interfaces = interfaces;
        this.profiles = profiles;
        this.initialConfig = initialConfig;
    }

    private static String xr(String module, String revision) {
        return "http://cisco.com/ns/yang/" + module + "?module=" + module + "&revision=" + revision;
    }

    /** The inventory's platform name (junos, iosxr, sros, vrp, openconfig, ietf). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LabPlatform of(String id) {
        for (LabPlatform p : values()) {
            if (p.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown platform '" + id + "' (expected junos, iosxr, sros, vrp, openconfig or ietf)");
    }

    /** Candidate, confirmed commit (1.0 on Junos as on real MX, 1.1 elsewhere), validate, rollback-on-error, startup. */
    public DeviceProfile profile() {
        return new DeviceProfile(true, false, confirmedCommit11, true, true, true, moduleCapabilities);
    }

    public List<String> interfaces() {
        return interfaces;
    }

    public List<String> profiles() {
        return profiles;
    }

    /** The initial running configuration as a {@code <config>} document for a device named {@code deviceName}. */
    public String initialConfig(String deviceName) {
        return "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + initialConfig.formatted(deviceName)
                + "</config>";
    }
}
