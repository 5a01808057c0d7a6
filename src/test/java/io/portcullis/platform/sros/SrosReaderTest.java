package io.portcullis.platform.sros;

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

/** What SR OS replies look like and what the reader must make of them; unsupported IR features. */
class SrosReaderTest {
    private final SrosAdapter adapter = new SrosAdapter();
    private final FilterIntent ir = DefaultPolicyIntents.withExemption("sros", Action.DISCARD);

    private String configure() {
        String xml = adapter.renderConfig(ir);
        return xml.substring(xml.indexOf("<configure"), xml.lastIndexOf("</config>"))
                .replace(" nc:operation=\"replace\"", "");
    }

    @Test
    void readsAReplyWithPrefixesDefaultsAndForeignConfig() {
        String reply = "<nc:rpc-reply xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"3\"><nc:data>"
                + configure()
                        .replace(
                                "<configure xmlns=\"urn:nokia.com:sros:ns:yang:sr:conf\">",
                                "<conf:configure xmlns:conf=\"urn:nokia.com:sros:ns:yang:sr:conf\" xmlns=\"urn:nokia.com:sros:ns:yang:sr:conf\">")
                        .replace("</configure>", "<system><name>bng</name></system></conf:configure>")
                        .replace(
                                "<entry-id>10</entry-id>",
                                "<entry-id>10</entry-id><pbr-down-action-override>filter-default-action</pbr-down-action-override>")
                        .replace(
                                "<scope>template</scope>",
                                "<scope>template</scope><type>normal</type><chain-to-system-filter>false</chain-to-system-filter>")
                + "</nc:data></nc:rpc-reply>";
        assertThat(adapter.read("bng-sros", reply).intent()).isEqualTo(adapter.normalize(ir));
    }

    @Test
    void absentDefaultActionIsDropAndForeignBindingsAreReported() {
        String reply = "<data><configure><filter><ip-filter><filter-name>PORTCULLIS-A</filter-name>"
                + "<entry><entry-id>5</entry-id><match><protocol>tcp-udp</protocol><port><eq>25</eq></port></match><action><drop/></action></entry>"
                + "<entry><entry-id>7</entry-id><description>x #c1</description><match><protocol>tcp</protocol><dst-port><gt>1023</gt></dst-port></match>"
                + "<action><accept/></action><log>101</log></entry>"
                + "</ip-filter><ip-filter><filter-name>OPERATOR</filter-name><default-action>accept</default-action></ip-filter></filter>"
                + "<subscriber-mgmt><sla-profile><name>RES</name><egress><ip-filter>OPERATOR</ip-filter><ipv6-filter>PORTCULLIS-B</ipv6-filter></egress>"
                + "<ingress><ip-filter>PORTCULLIS-A</ip-filter></ingress></sla-profile></subscriber-mgmt></configure></data>";
        ReadResult r = adapter.read("d", reply);
        Filter a = r.intent().filters().get(0);
        assertThat(r.intent().filters()).hasSize(1);
        assertThat(a.defaultAction()).isEqualTo(Action.DISCARD);
        assertThat(a.terms()).extracting(Term::name).containsExactly("entry-5/tcp", "entry-5/udp", "x");
        assertThat(a.terms().get(0).match().eitherPorts()).containsExactly(PortRange.single(25));
        assertThat(a.terms().get(1).match().protocol()).isEqualTo(Protocol.UDP);
        Term x = a.terms().get(2);
        assertThat(x.counter()).isEqualTo("c1");
        assertThat(x.log()).isTrue();
        assertThat(x.match().destinationPorts()).containsExactly(new PortRange(1024, 65535));
        assertThat(r.foreignBindings())
                .containsExactly(new Binding(
                        AttachKind.PROFILE, "RES", AddressFamily.IPV4, Direction.TO_SUBSCRIBER, "OPERATOR"));
        assertThat(r.intent().bindings())
                .containsExactlyInAnyOrder(
                        new Binding(
                                AttachKind.PROFILE, "RES", AddressFamily.IPV6, Direction.TO_SUBSCRIBER, "PORTCULLIS-B"),
                        new Binding(
                                AttachKind.PROFILE,
                                "RES",
                                AddressFamily.IPV4,
                                Direction.FROM_SUBSCRIBER,
                                "PORTCULLIS-A"));
    }

    @Test
    void aMissingFinalAcceptEntryLeavesTheDropDefault() {
        String xml = adapter.renderConfig(ir).replaceAll("(?s)<entry>\\s*<entry-id>65000</entry-id>.*?</entry>", "");
        assertThat(adapter.read("d", xml).intent().filters()).allSatisfy(f -> {
            assertThat(f.terms()).noneMatch(Term::isFinalAcceptAll);
            assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
        });
    }

    @Test
    void malformedXmlDoctypeAndDanglingListsAreReadExceptions() {
        assertThatThrownBy(() -> adapter.read("bng-sros", "<data><configure></data>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("bng-sros")
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> adapter.read("bng-sros", "<!DOCTYPE configure><configure/>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(
                        () -> adapter.read(
                                "bng-sros",
                                "<configure><filter><ip-filter><filter-name>PORTCULLIS-A</filter-name><entry><entry-id>5</entry-id>"
                                        + "<match><dst-port><port-list>GONE</port-list></dst-port></match><action><drop/></action></entry></ip-filter></filter></configure>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("'GONE'")
                .hasMessageContaining("entry 5");
    }

    @Test
    void unsupportedFeaturesNameFeatureTermAndPlatform() {
        assertThatThrownBy(() -> adapter.renderConfig(DefaultPolicyIntents.forPlatform("junos", Action.DISCARD)))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.platform()).isEqualTo("sros");
                    assertThat(e.feature()).contains("interface ge-1/0/0.100").contains("sla-profile");
                });
        Filter f = ir.filters().get(0);
        Term t = f.terms().get(0);
        FilterIntent reject = new FilterIntent(
                "d",
                "sros",
                List.of(new Filter(
                        f.name(),
                        f.family(),
                        List.of(new Term(t.name(), t.sequence(), t.match(), Action.REJECT, t.counter(), false, null)),
                        f.defaultAction(),
                        null)),
                List.of());
        assertThatThrownBy(() -> adapter.renderConfig(reject))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.term()).isEqualTo("deny-snmp");
                    assertThat(e.feature()).contains("REJECT");
                    assertThat(e.platform()).isEqualTo("sros");
                });
    }
}
