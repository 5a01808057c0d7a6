package io.portcullis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.policy.load.PolicyLoader;
import io.portcullis.policy.yang.YangPolicyReader.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static final String JSON = """
            {
              "portcullis-policy:policy": {
                "name": "isp-protect",
                "description": "test policy",
                "service": [
                  {"name": "snmp", "protocol": "udp", "ports": [161, "10161-10162"], "direction": "to-subscriber",
                   "address-family": ["ipv6", "ipv4"], "log": true, "description": "no SNMP", "owner": "noc"},
                  {"name": "smtp", "protocol": "tcp", "ports": [587, 25, 2525, 465], "address-family": ["ipv4", "ipv6"],
                   "counter": false},
                  {"name": "smb", "protocol": "tcp", "ports": [445], "direction": "from-subscriber", "address-family": ["ipv4"]}
                ],
                "exemption": [
                  {"name": "biz-mail", "service": "smtp", "prefix": ["2001:db8:1::/48", "198.51.100.0/24"],
                   "expires": "2027-06-30", "reason": "ticket 42"},
                  {"name": "lab", "service": "snmp", "prefix": ["192.0.2.0/28"], "reason": "monitoring lab"}
                ],
                "scope": {"group": ["bng"], "platform": ["junos", "iosxr"]}
              }
            }
            """;

    static final String YAML = """
            portcullis-policy:policy:
              name: isp-protect
              description: test policy
              service:
                - name: snmp
                  protocol: udp
                  ports: [161, 10161-10162]
                  direction: to-subscriber
                  address-family: [ipv6, ipv4]
                  log: true
                  description: no SNMP
                  owner: noc
                - name: smtp
                  protocol: tcp
                  ports: [587, 25, 2525, 465]
                  address-family: [ipv4, ipv6]
                  counter: false
                - name: smb
                  protocol: tcp
                  ports: [445]
                  direction: from-subscriber
                  address-family: [ipv4]
              exemption:
                - name: biz-mail
                  service: smtp
                  prefix: ["2001:db8:1::/48", 198.51.100.0/24]
                  expires: 2027-06-30
                  reason: ticket 42
                - name: lab
                  service: snmp
                  prefix: [192.0.2.0/28]
                  reason: monitoring lab
              scope:
                group: [bng]
                platform: [junos, iosxr]
            """;

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <policy xmlns="urn:portcullis:policy">
              <name>isp-protect</name>
              <description>test policy</description>
              <service>
                <name>snmp</name><protocol>udp</protocol><ports>161</ports><ports>10161-10162</ports>
                <direction>to-subscriber</direction><address-family>ipv6</address-family><address-family>ipv4</address-family>
                <log>true</log><description>no SNMP</description><owner>noc</owner>
              </service>
              <service>
                <name>smtp</name><protocol>tcp</protocol>
                <ports>587</ports><ports>25</ports><ports>2525</ports><ports>465</ports>
                <address-family>ipv4</address-family><address-family>ipv6</address-family><counter>false</counter>
              </service>
              <service>
                <name>smb</name><protocol>tcp</protocol><ports>445</ports><direction>from-subscriber</direction>
                <address-family>ipv4</address-family>
              </service>
              <exemption>
                <name>biz-mail</name><service>smtp</service><prefix>2001:db8:1::/48</prefix><prefix>198.51.100.0/24</prefix>
                <expires>2027-06-30</expires><reason>ticket 42</reason>
              </exemption>
              <exemption><name>lab</name><service>snmp</service><prefix>192.0.2.0/28</prefix><reason>monitoring lab</reason></exemption>
              <scope><group>bng</group><platform>junos</platform><platform>iosxr</platform></scope>
            </policy>
            """;

    private static Policy load(Format format, String text) {
        PolicyLoader.Result r = PolicyLoader.parse("test." + format.name().toLowerCase(), format, text, TODAY);
        assertThat(r.diagnostics()).as(format + " diagnostics").isEmpty();
        assertThat(r.policy()).isNotNull();
        return r.policy();
    }

    @Test
    void jsonXmlAndYamlSpellingsGiveEqualRecords() {
        Policy json = load(Format.JSON, JSON);
        Policy yaml = load(Format.YAML, YAML);
        Policy xml = load(Format.XML, XML.strip());
        assertThat(yaml).isEqualTo(json);
        assertThat(xml).isEqualTo(json);

        assertThat(json.name()).isEqualTo("isp-protect");
        assertThat(json.description()).isEqualTo("test policy");
        assertThat(json.services()).extracting(BlockedService::name).containsExactly("snmp", "smtp", "smb");
        BlockedService snmp = json.services().get(0);
        assertThat(snmp.protocol()).isEqualTo(Protocol.UDP);
        assertThat(snmp.ports()).containsExactly(PortRange.single(161), new PortRange(10161, 10162));
        assertThat(snmp.families()).containsExactly(AddressFamily.IPV4, AddressFamily.IPV6);
        assertThat(snmp.options()).isEqualTo(new TermOptions(true, true, "no SNMP", "noc"));
        BlockedService smtp = json.services().get(1);
        assertThat(smtp.ports()).extracting(PortRange::from).containsExactly(25, 465, 587, 2525);
        assertThat(smtp.direction()).as("YANG default").isEqualTo(Direction.TO_SUBSCRIBER);
        assertThat(smtp.options()).isEqualTo(new TermOptions(false, false, null, null));
        assertThat(json.services().get(2).direction()).isEqualTo(Direction.FROM_SUBSCRIBER);
        assertThat(json.exemptions()).extracting(Exemption::name).containsExactly("biz-mail", "lab");
        Exemption biz = json.exemptions().get(0);
        assertThat(biz.service()).isEqualTo("smtp");
        assertThat(biz.prefixes())
                .containsExactly(IpPrefix.parse("198.51.100.0/24"), IpPrefix.parse("2001:db8:1::/48"));
        assertThat(biz.expires()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(json.exemptions().get(1).expires()).isNull();
        assertThat(json.scope()).isEqualTo(new Scope(List.of("bng"), List.of("iosxr", "junos")));
    }

    @Test
    void shippedDefaultPolicyIsTheSeedPolicy() {
        PolicyLoader.Result r = PolicyLoader.load(Path.of("policy"), TODAY);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.file()).endsWith("subscriber-protection.yaml");
        Policy p = r.policy();
        assertThat(p.services()).hasSize(2);
        BlockedService snmp = p.services().get(0);
        BlockedService smtp = p.services().get(1);
        assertThat(snmp.name()).isEqualTo("snmp");
        assertThat(snmp.protocol()).isEqualTo(Protocol.UDP);
        assertThat(snmp.ports()).containsExactly(PortRange.single(161));
        assertThat(smtp.name()).isEqualTo("smtp");
        assertThat(smtp.protocol()).isEqualTo(Protocol.TCP);
        assertThat(smtp.ports()).extracting(PortRange::from).containsExactly(25, 465, 587, 2525);
        for (BlockedService s : p.services()) {
            assertThat(s.direction()).isEqualTo(Direction.TO_SUBSCRIBER);
            assertThat(s.families()).containsExactly(AddressFamily.IPV4, AddressFamily.IPV6);
            assertThat(s.options().counter()).isTrue();
            assertThat(s.options().log()).isFalse();
        }
        assertThat(p.exemptions()).isEmpty();
        assertThat(p.scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void aDirectoryMustHoldExactlyOneDocument(@TempDir Path dir) throws Exception {
        PolicyLoader.Result none = PolicyLoader.load(dir, TODAY);
        assertThat(none.hasErrors()).isTrue();
        assertThat(none.diagnostics().get(0).message()).contains("holds no .yaml, .yml, .json or .xml document");

        Files.writeString(dir.resolve("a.yaml"), YAML);
        Files.writeString(dir.resolve("README.txt"), "not a policy");
        assertThat(PolicyLoader.load(dir, TODAY).diagnostics()).isEmpty();

        Files.writeString(dir.resolve("b.json"), JSON);
        PolicyLoader.Result two = PolicyLoader.load(dir, TODAY);
        assertThat(two.hasErrors()).isTrue();
        assertThat(two.diagnostics()).hasSize(1);
        assertThat(two.diagnostics().get(0).message())
                .contains("2 policy documents (a.yaml, b.json)")
                .contains("exactly one");
    }

    @Test
    void yamlValuesThatOnlyLookRightAreRejectedWithLineAndPath() {
        String text = YAML.replace("ports: [587, 25, 2525, 465]", "ports: [587, 25, 2525, 465, 70000-70001]")
                .replace("expires: 2027-06-30", "expires: 2027-02-30");
        PolicyLoader.Result r = PolicyLoader.parse("p.yaml", Format.YAML, text, TODAY);
        assertThat(r.policy()).isNull();
        assertThat(r.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactly(
                        "p.yaml:" + lineOf(text, "70000-70001")
                                + ": error: '70000-70001' is not a valid value for 'ports': expected a single port number or an inclusive"
                                + " range 'first-last' (at /portcullis-policy:policy/service[name='smtp']/ports)",
                        "p.yaml:" + lineOf(text, "2027-02-30")
                                + ": error: '2027-02-30' is not a valid value for 'expires': expected a calendar date 'YYYY-MM-DD'"
                                + " (ISO 8601, no time zone) (at /portcullis-policy:policy/exemption[name='biz-mail']/expires)");
    }

    /** 1-based line of the first line containing {@code marker}. */
    static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("marker " + marker + " not in text");
    }

    @Test
    void xmlWithExternalEntitiesIsRefusedWithoutReadingThem(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<policy xmlns=\"urn:portcullis:policy\"><name>&e;</name></policy>";
        PolicyLoader.Result r = PolicyLoader.parse("x.xml", Format.XML, xxe, TODAY);
        assertThat(r.policy()).isNull();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).contains("DOCTYPE is refused");
            assertThat(d.format()).doesNotContain("TOPSECRET");
        });
    }

    @Test
    void wrongXmlNamespaceIsNamed() {
        PolicyLoader.Result r = PolicyLoader.parse(
                "x.xml", Format.XML, "<policy xmlns=\"urn:example:other\"><name>p</name></policy>", TODAY);
        assertThat(r.diagnostics())
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains("namespace 'urn:example:other'")
                .contains("urn:portcullis:policy");
    }

    @Test
    void missingMandatoryLeavesAreReported() {
        String text = """
                {"portcullis-policy:policy": {"service": [{"name": "x", "ports": [1], "address-family": ["ipv4"]}]}}
                """;
        PolicyLoader.Result r = PolicyLoader.parse("m.json", Format.JSON, text, TODAY);
        assertThat(r.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactlyInAnyOrder(
                        "m.json:1: error: missing mandatory 'protocol' (one of tcp, udp) (at /portcullis-policy:policy/service[name='x']/protocol)",
                        "m.json:1: error: missing mandatory 'name' (text matching '[A-Za-z0-9][A-Za-z0-9._-]*' of length 1..64)"
                                + " (at /portcullis-policy:policy/name)");
    }
}
