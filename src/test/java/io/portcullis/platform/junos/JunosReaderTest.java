package io.portcullis.platform.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.testing.DefaultPolicyIntents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What real Junos replies look like, and what a reader must make of them. */
class JunosReaderTest {
    private final JunosAdapter adapter = new JunosAdapter();
    private final FilterIntent ir = DefaultPolicyIntents.forPlatform("junos", Action.DISCARD);

    /** Our payload's {@code <configuration>} subtree, re-wrapped the way a device might answer. */
    private String configuration(String openTag) {
        String xml = adapter.renderConfig(ir);
        String inner = xml.substring(xml.indexOf("<configuration"), xml.indexOf("</config>"));
        inner = inner.replaceFirst("<configuration[^>]*>", openTag).replace(" nc:operation=\"replace\"", "");
        return inner;
    }

    @Test
    void readsAReplyWithAJunosNamespaceInsideRpcReplyData() {
        String reply =
                "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" xmlns:junos=\"http://xml.juniper.net/junos/23.4R1/junos\" message-id=\"101\"><data>"
                        + configuration(
                                "<configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\" junos:commit-seconds=\"1700000000\" junos:commit-user=\"ops\">")
                        + "</data></rpc-reply>";
        assertThat(adapter.read("bng-junos", reply).intent()).isEqualTo(ir);
    }

    @Test
    void readsAReplyWithoutNamespacesAndOneWithNcPrefixes() {
        String plain = "<data>"
                + configuration("<configuration>")
                        .replace(" xmlns:junos=\"http://xml.juniper.net/junos/*/junos\"", "")
                        .replace("junos:comment", "comment")
                + "</data>";
        assertThat(adapter.read("bng-junos", plain).intent()).isEqualTo(ir);
        String rfcCompliant =
                "<nc:rpc-reply xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" xmlns:junos=\"http://xml.juniper.net/junos/*/junos\"><nc:data>"
                        + configuration("<configuration>") + "</nc:data></nc:rpc-reply>";
        assertThat(adapter.read("bng-junos", rfcCompliant).intent()).isEqualTo(ir);
    }

    @Test
    void ignoresForeignConfigButReportsAForeignFilterBoundAtAnAttachPoint() {
        String reply = "<rpc-reply><data><configuration>"
                + "<system><host-name>bng1</host-name></system>"
                + "<firewall><family><inet><filter><name>CUSTOMER-ACL</name><term><name>t</name><then><discard/></then></term></filter></inet></family></firewall>"
                + "<interfaces><interface><name>ge-1/0/0</name><description>access</description><unit><name>200</name><vlan-id>200</vlan-id>"
                + "<family><inet><address><name>10.0.0.1/24</name></address><filter><output><filter-name>CUSTOMER-ACL</filter-name></output>"
                + "<input><filter-name>PORTCULLIS-SUBPROTECT-V4</filter-name></input></filter></inet></family></unit></interface></interfaces>"
                + "</configuration></data></rpc-reply>";
        ReadResult r = adapter.read("bng-junos", reply);
        assertThat(r.intent().filters()).isEmpty();
        assertThat(r.intent().bindings())
                .containsExactly(new Binding(
                        AttachKind.INTERFACE,
                        "ge-1/0/0.200",
                        AddressFamily.IPV4,
                        Direction.FROM_SUBSCRIBER,
                        "PORTCULLIS-SUBPROTECT-V4"));
        assertThat(r.foreignBindings())
                .containsExactly(new Binding(
                        AttachKind.INTERFACE,
                        "ge-1/0/0.200",
                        AddressFamily.IPV4,
                        Direction.TO_SUBSCRIBER,
                        "CUSTOMER-ACL"));
    }

    @Test
    void keepsWhatAWrongDeviceConfigReallyDoes() {
        String reply = "<configuration><firewall><family><inet><filter><name>PORTCULLIS-X</name>"
                + "<term><name>deny-smtp</name><from><protocol>tcp</protocol><port>smtp</port><port>465</port><port>2000-2010</port></from>"
                + "<then><count>c</count><syslog/></then></term>"
                + "<term><name>both</name><from><protocol>tcp</protocol><protocol>udp</protocol><destination-port>snmp</destination-port>"
                + "<tcp-flags>syn</tcp-flags></from><then><reject/></then></term>"
                + "</filter></inet></family></firewall></configuration>";
        ReadResult r = adapter.read("d", reply);
        Filter f = r.intent().filters().get(0);
        assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
        Term first = f.terms().get(0);
        assertThat(first.match().eitherPorts())
                .containsExactly(PortRange.single(25), PortRange.single(465), new PortRange(2000, 2010));
        assertThat(first.match().destinationPorts()).isEmpty();
        assertThat(first.action()).as("no terminating action = accept").isEqualTo(Action.ACCEPT);
        assertThat(first.log()).isTrue();
        assertThat(f.terms()).extracting(Term::name).containsExactly("deny-smtp", "both/tcp", "both/udp");
        assertThat(f.terms().get(2).match().protocol()).isEqualTo(Protocol.UDP);
        assertThat(f.terms().get(2).action()).isEqualTo(Action.REJECT);
        assertThat(r.warnings()).anyMatch(w -> w.contains("tcp-flags")).anyMatch(w -> w.contains("several protocols"));
    }

    @Test
    void aMissingFinalAcceptStaysMissing() {
        String xml = adapter.renderConfig(ir)
                .replaceAll(
                        "(?s)<junos:comment>/\\* \\[65000][^<]*</junos:comment>\\s*<term>\\s*<name>accept-rest</name>.*?</term>",
                        "");
        FilterIntent back = adapter.read("d", xml).intent();
        assertThat(back.filters()).allSatisfy(f -> {
            assertThat(f.terms()).noneMatch(Term::isFinalAcceptAll);
            assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
        });
    }

    @Test
    void ignoresStateAndCounters() {
        String reply = "<rpc-reply><data>"
                + configuration("<configuration xmlns:junos=\"http://xml.juniper.net/junos/*/junos\">")
                        .replace("<then>", "<then><counter-statistics><packets>12</packets></counter-statistics>")
                + "</data></rpc-reply>";
        ReadResult r = adapter.read("bng-junos", reply);
        assertThat(r.intent()).isEqualTo(ir);
    }

    @Test
    void malformedXmlAndDoctypeAreReadExceptions() {
        assertThatThrownBy(() -> adapter.read("bng-junos", "<rpc-reply><data><configuration></data>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("bng-junos")
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> adapter.read(
                        "bng-junos",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><configuration>&e;</configuration>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(
                        () -> adapter.read(
                                "bng-junos",
                                "<configuration><firewall><family><inet><filter><name>PORTCULLIS-X</name>"
                                        + "<term><name>t</name><from><destination-port>bogus</destination-port></from></term></filter></inet></family></firewall></configuration>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("'bogus'")
                .hasMessageContaining("term t");
    }

    @Test
    void unsupportedFeaturesNameFeatureTermAndPlatform() {
        FilterIntent bad = new FilterIntent(
                "d",
                "junos",
                ir.filters(),
                List.of(new Binding(
                        AttachKind.INTERFACE,
                        "ge-1/0/0",
                        AddressFamily.IPV4,
                        Direction.TO_SUBSCRIBER,
                        "PORTCULLIS-SUBPROTECT-V4")));
        assertThatThrownBy(() -> adapter.renderConfig(bad))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.platform()).isEqualTo("junos");
                    assertThat(e.feature()).contains("ge-1/0/0").contains("logical unit");
                });
        Filter f = ir.filters().get(0);
        Term t = f.terms().get(0);
        Filter commented = new Filter(
                f.name(),
                f.family(),
                List.of(new Term(
                        t.name(), t.sequence(), t.match(), t.action(), t.counter(), t.log(), "closes */ early")),
                f.defaultAction(),
                f.description());
        assertThatThrownBy(() -> adapter.renderConfig(new FilterIntent("d", "junos", List.of(commented), List.of())))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.term()).isEqualTo("deny-snmp");
                    assertThat(e.platform()).isEqualTo("junos");
                    assertThat(e.getMessage()).contains("junos cannot express").contains("deny-snmp");
                });
    }
}
