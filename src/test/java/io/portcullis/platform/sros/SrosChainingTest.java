package io.portcullis.platform.sros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.ChainRefusedException;
import io.portcullis.platform.ReadResult;
import io.portcullis.testing.DefaultPolicyIntents;
import io.portcullis.testing.Golden;
import io.portcullis.testing.Yanglint;
import io.portcullis.verify.Disproof;
import io.portcullis.verify.Proof;
import io.portcullis.verify.Verifier;
import io.portcullis.verify.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SR OS chaining by embedding: the chained form, its payload round trip, the offset choice and the composite proof. */
public class SrosChainingTest {
    private final SrosAdapter adapter = new SrosAdapter();

    /** An operator's v4 and v6 filters bound at sla-profile RESIDENTIAL egress, with {@code extra} entries in the v4 one. */
    public static String operatorConfig(String extraV4Entries) {
        return """
                <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><configure xmlns="urn:nokia.com:sros:ns:yang:sr:conf"><filter>
                  <ip-filter><filter-name>OPER-V4</filter-name><default-action>accept</default-action>
                    <entry><entry-id>10</entry-id><description>count web</description><match><protocol>tcp</protocol><dst-port><eq>80</eq></dst-port></match><action><accept/></action></entry>
                    %s
                  </ip-filter>
                  <ipv6-filter><filter-name>OPER-V6</filter-name><default-action>accept</default-action>
                    <entry><entry-id>15</entry-id><match><next-header>tcp</next-header><dst-port><eq>443</eq></dst-port></match><action><accept/></action></entry>
                  </ipv6-filter>
                </filter>
                <subscriber-mgmt><sla-profile><name>RESIDENTIAL</name><egress><ip-filter>OPER-V4</ip-filter><ipv6-filter>OPER-V6</ipv6-filter></egress></sla-profile></subscriber-mgmt>
                </configure></data>""".formatted(extraV4Entries);
    }

    public static Promise promise() {
        List<BlockedFlow> flows = new ArrayList<>();
        for (AddressFamily f : AddressFamily.values()) {
            flows.add(new BlockedFlow(
                    "snmp", Protocol.UDP, List.of(PortRange.single(161)), f, Direction.TO_SUBSCRIBER, List.of()));
            flows.add(new BlockedFlow(
                    "smtp",
                    Protocol.TCP,
                    List.of(PortRange.single(25), PortRange.single(465), PortRange.single(587), PortRange.single(2525)),
                    f,
                    Direction.TO_SUBSCRIBER,
                    List.of()));
        }
        return new Promise(
                flows,
                List.of(new AttachPoint(AttachKind.PROFILE, "RESIDENTIAL")),
                List.of(AddressFamily.IPV4, AddressFamily.IPV6));
    }

    private FilterIntent wanted() {
        return adapter.normalize(DefaultPolicyIntents.forPlatform("sros", Action.DISCARD));
    }

    @Test
    void theChainedFormEmbedsDropEntriesAtAFreeOffsetAndRoundTrips() {
        ReadResult seen = adapter.read("bng", operatorConfig(""));
        assertThat(seen.foreignBindings())
                .extracting(Binding::filterName)
                .containsExactlyInAnyOrder("OPER-V4", "OPER-V6");
        assertThat(seen.foreignFilter("OPER-V4").orElseThrow().terms())
                .extracting(Term::name)
                .containsExactly("entry-10");

        FilterIntent chained = adapter.chaining().orElseThrow().chain(wanted(), seen);
        assertThat(chained.filters())
                .extracting(Filter::name)
                .containsExactly("PORTCULLIS-SUBPROTECT-V4-EMB", "PORTCULLIS-SUBPROTECT-V6-EMB");
        for (Filter f : chained.filters()) {
            assertThat(f.terms()).noneMatch(Term::isFinalAcceptAll).allMatch(t -> t.action() == Action.DISCARD);
        }
        // operator v4 entry 10 blocks offset 0 (our ids 10, 20): the lowest free range starts at 11; v6 entry 15 sits
        // inside 10..20 too
        assertThat(chained.bindings())
                .containsExactly(
                        new Binding(
                                AttachKind.EMBED,
                                "OPER-V4 offset 1",
                                AddressFamily.IPV4,
                                Direction.TO_SUBSCRIBER,
                                "PORTCULLIS-SUBPROTECT-V4-EMB"),
                        new Binding(
                                AttachKind.EMBED,
                                "OPER-V6 offset 6",
                                AddressFamily.IPV6,
                                Direction.TO_SUBSCRIBER,
                                "PORTCULLIS-SUBPROTECT-V6-EMB"));

        String xml = adapter.renderConfig(chained);
        assertThat(xml)
                .contains("<scope>embedded</scope>")
                .doesNotContain("<default-action>")
                .doesNotContain("sla-profile")
                .contains(
                        "<filter-name>OPER-V4</filter-name>\n        <embed>\n          <filter>\n            <name>PORTCULLIS-SUBPROTECT-V4-EMB</name>\n            <offset>1</offset>");
        // the operator's filter is merged into (one embed entry), never replaced
        assertThat(xml.split("nc:operation=\"replace\"")).hasSize(3 + 2); // two filters + two port-lists → 4 replaces
        assertThat(adapter.read(chained.device(), xml).intent()).isEqualTo(chained);
        assertThat(adapter.renderText(chained))
                .contains(
                        "/configure filter ip-filter \"OPER-V4\" embed filter \"PORTCULLIS-SUBPROTECT-V4-EMB\" offset 1")
                .contains("scope embedded");

        String removal = adapter.renderRemoval(chained);
        assertThat(removal)
                .contains(
                        "<filter nc:operation=\"remove\"><name>PORTCULLIS-SUBPROTECT-V4-EMB</name><offset>1</offset></filter>")
                .doesNotContain("<ip-filter nc:operation=\"remove\"><filter-name>OPER-V4");
    }

    /** Golden files of the chained form (refresh like the others: -Dportcullis.golden.update=true, then review the diff). */
    @Test
    void theChainedFormMatchesItsGoldenFiles() {
        ReadResult seen = adapter.read("bng", operatorConfig(""));
        FilterIntent chained = adapter.chaining().orElseThrow().chain(wanted(), seen);
        Golden.assertMatches("sros", "chained-config.xml", adapter.renderConfig(chained));
        Golden.assertMatches("sros", "chained-text.txt", adapter.renderText(chained));
        Golden.assertMatches("sros", "chained-removal.xml", adapter.renderRemoval(chained));
    }

    @Test
    void theOffsetInUseIsKeptAndAFullHostIsRefusedByName() {
        ReadResult seen = adapter.read(
                "bng",
                operatorConfig("")
                        .replaceFirst(
                                "</ip-filter>",
                                "<embed><filter><name>PORTCULLIS-SUBPROTECT-V4-EMB</name><offset>5000</offset></filter></embed></ip-filter>"));
        FilterIntent chained = adapter.chaining().orElseThrow().chain(wanted(), seen);
        assertThat(chained.bindings()).extracting(Binding::point).contains("OPER-V4 offset 5000");

        // our entry ids span the whole id space: no range the operator's entry 10 leaves free can hold them
        FilterIntent wide = new FilterIntent(
                "bng",
                "sros",
                List.of(new Filter(
                        "PORTCULLIS-WIDE-V4",
                        AddressFamily.IPV4,
                        List.of(
                                new Term(
                                        "a",
                                        1,
                                        io.portcullis.intent.Match.destinationPorts(
                                                Protocol.TCP, List.of(PortRange.single(25))),
                                        Action.DISCARD,
                                        null,
                                        false,
                                        null),
                                new Term(
                                        "b",
                                        2097145,
                                        io.portcullis.intent.Match.destinationPorts(
                                                Protocol.UDP, List.of(PortRange.single(161))),
                                        Action.DISCARD,
                                        null,
                                        false,
                                        null),
                                new Term(
                                        "rest",
                                        2097150,
                                        io.portcullis.intent.Match.ANY,
                                        Action.ACCEPT,
                                        null,
                                        false,
                                        null)),
                        Action.DISCARD,
                        null)),
                List.of(new Binding(
                        AttachKind.PROFILE,
                        "RESIDENTIAL",
                        AddressFamily.IPV4,
                        Direction.TO_SUBSCRIBER,
                        "PORTCULLIS-WIDE-V4")));
        assertThatThrownBy(() -> adapter.chaining().orElseThrow().chain(wide, adapter.read("bng", operatorConfig(""))))
                .isInstanceOf(ChainRefusedException.class)
                .hasMessageContaining("OPER-V4")
                .hasMessageContaining("no free entry-id range");
    }

    @Test
    void exemptionsAreNotEmbeddedBecauseAnAcceptWouldSkipTheOperatorsLaterEntries() {
        FilterIntent exempt = adapter.normalize(DefaultPolicyIntents.withExemption("sros", Action.DISCARD));
        assertThatThrownBy(
                        () -> adapter.chaining().orElseThrow().chain(exempt, adapter.read("bng", operatorConfig(""))))
                .isInstanceOf(ChainRefusedException.class)
                .hasMessageContaining("only drop entries");
    }

    @Test
    void theCompositeProofPassesWithABenignOperatorFilterAndNamesTheOperatorEntryThatAcceptsSmtpFirst() {
        ReadResult benign = adapter.read("bng", operatorConfig(""));
        var chaining = adapter.chaining().orElseThrow();
        FilterIntent chained = chaining.chain(wanted(), benign);
        assertThat(Verifier.verify(chaining.effective(chained, benign), promise()))
                .isInstanceOf(Proof.class);
        // without our embed the operator's filter alone forwards SMTP: the proof must see the difference
        assertThat(Verifier.verify(
                        chaining.effective(new FilterIntent("bng", "sros", List.of(), List.of()), benign), promise()))
                .isInstanceOf(Disproof.class);

        ReadResult hostile = adapter.read("bng", operatorConfig("""
                <entry><entry-id>5</entry-id><match><protocol>tcp</protocol><dst-port><eq>25</eq></dst-port></match><action><accept/></action></entry>"""));
        FilterIntent chained2 = chaining.chain(wanted(), hostile);
        var result = Verifier.verify(chaining.effective(chained2, hostile), promise());
        assertThat(result).isInstanceOf(Disproof.class);
        List<Violation> found = ((Disproof) result).found();
        assertThat(found).isNotEmpty().allSatisfy(v -> {
            assertThat(v.packet().destinationPort()).isEqualTo(25);
            assertThat(v.actual().decidedBy()).isEqualTo("OPER-V4/entry-5");
        });
    }

    @Test
    @Tag("slow")
    void theChainedPayloadIsValidNokiaConfExceptForThe197EmbedLeafrefBug() {
        ReadResult seen = adapter.read("bng", operatorConfig(""));
        FilterIntent chained = adapter.chaining().orElseThrow().chain(wanted(), seen);
        String payload = adapter.renderConfig(chained);
        Yanglint.Result edit = Yanglint.validate(Yanglint.Model.NOKIA_SROS, Yanglint.Kind.EDIT, payload);
        assertThat(edit.passed()).as(edit.message()).isTrue();
        assertThat(Yanglint.validate(
                                Yanglint.Model.NOKIA_SROS,
                                Yanglint.Kind.EDIT,
                                payload.replace("<offset>1</offset>", "<offset>2097151</offset>"))
                        .passed())
                .as("offset beyond 0..2097150")
                .isFalse();
        Yanglint.Result removal =
                Yanglint.validate(Yanglint.Model.NOKIA_SROS, Yanglint.Kind.EDIT, adapter.renderRemoval(chained));
        assertThat(removal.passed()).as(removal.message()).isTrue();
        // As a full datastore, 19.7's embed/filter/name leafref ("../../../filter-name") points at the host filter's
        // own name,
        // so every embed of another filter fails; the only error must be that one.
        Yanglint.Result config = Yanglint.validate(Yanglint.Model.NOKIA_SROS, payload);
        assertThat(config.passed()).isFalse();
        assertThat(config.message())
                .contains("Invalid leafref value \"PORTCULLIS-SUBPROTECT-")
                .contains("../../../filter-name");
    }
}
