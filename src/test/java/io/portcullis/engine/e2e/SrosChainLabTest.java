package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.inventory.Device;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.sros.SrosAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * chain-foreign on a lab SR OS router whose sla-profile RESIDENTIAL already binds the operator's
 * egress filters: refused without it; with it, our drop entries are embedded into the operator's
 * filters, read back, proven on the composite, idempotent, and drift of the embed is reported.
 */
@Tag("lab")
class SrosChainLabTest {
    private static final String NS = "urn:nokia.com:sros:ns:yang:sr:conf";
    private final SrosAdapter sros = new SrosAdapter();

    record Lab(LabFleet fleet, Target target, NetconfConnector connector, Engine engine) implements AutoCloseable {
        SimDevice router() {
            return fleet.device(0);
        }

        /** The same router and policy with the inventory's chain-foreign set as given. */
        Target withChain(boolean chain) {
            Device d = target.device();
            return new Target(
                    new Device(
                            d.name(),
                            d.hostname(),
                            d.port(),
                            d.platform(),
                            d.groups(),
                            d.interfaces(),
                            d.profiles(),
                            d.credentials(),
                            d.knownHosts(),
                            d.hostKeyChecking(),
                            chain,
                            d.algorithmExceptions(),
                            d.settings()),
                    target.intent(),
                    target.promise());
        }

        @Override
        public void close() throws Exception {
            connector.close();
            fleet.close();
        }
    }

    /** One lab SR OS router with the operator's filters (plus {@code extraV4}) bound at RESIDENTIAL egress. */
    static Lab lab(String extraV4) throws Exception {
        LabFleet fleet =
                LabFleet.builder().devices(1).platforms("sros").portBase(0).start();
        Path dir = Files.createTempDirectory("chain-inventory");
        fleet.writeInventory(dir, LabFleet.DEFAULT_PASSWORD_ENV);
        Workspace w = Workspace.load(Path.of("policy"), dir, null, LocalDate.now());
        assertThat(w.hasErrors()).as(w.summary() + w.diagnostics()).isFalse();
        CompiledRouter c = w.compileAll().get(0);
        fleet.device(0).outOfBandEdit("""
                <configure xmlns="%s"><filter>
                  <ip-filter><filter-name>OPER-V4</filter-name><description>operator egress</description><default-action>accept</default-action>
                    <entry><entry-id>10</entry-id><description>web</description><match><protocol>tcp</protocol><dst-port><eq>80</eq></dst-port></match><action><accept/></action></entry>
                    <entry><entry-id>100</entry-id><match><protocol>udp</protocol><dst-port><eq>53</eq></dst-port></match><action><accept/></action></entry>
                    %s
                  </ip-filter>
                  <ipv6-filter><filter-name>OPER-V6</filter-name><default-action>accept</default-action>
                    <entry><entry-id>10</entry-id><match><next-header>tcp</next-header><dst-port><eq>443</eq></dst-port></match><action><accept/></action></entry>
                  </ipv6-filter>
                </filter>
                <subscriber-mgmt><sla-profile><name>RESIDENTIAL</name><egress><ip-filter>OPER-V4</ip-filter><ipv6-filter>OPER-V6</ipv6-filter></egress></sla-profile></subscriber-mgmt>
                </configure>""".formatted(NS, extraV4));
        fleet.device(0).rpcLog().clear();
        NetconfConnector connector = new NetconfConnector(
                ClientSettings.defaults(), Map.of(LabFleet.DEFAULT_PASSWORD_ENV, fleet.password())::get);
        return new Lab(
                fleet,
                Target.of(c),
                connector,
                new Engine(EngineContext.standard(connector, new VerifierProver()), "test"));
    }

    static ApplyOptions opts() {
        return ApplyOptions.defaults()
                .withConfirmTimeout(30)
                .withRollout(0, 0, 1, 0)
                .withLock(1, Duration.ofMillis(50))
                .withRevertWait(Duration.ofSeconds(5));
    }

    private RouterOutcome apply(Lab lab, Target t) {
        return lab.engine()
                .apply(List.of(t), opts(), null, null, null, RunListener.NONE)
                .routers()
                .get(0);
    }

    private ReadResult running(Lab lab) {
        return sros.read(lab.router().name(), lab.router().runningXml());
    }

    @Test
    void refusedWithoutChainForeignThenEmbeddedProvenIdempotentAndTheEmbedsRemovalIsDrift() throws Exception {
        try (Lab lab = lab("")) {
            ReadResult before = running(lab);
            RouterOutcome refused = apply(lab, lab.withChain(false));
            assertThat(refused.reason()).as(refused.message()).isEqualTo("FOREIGN_FILTER_BOUND");
            assertThat(refused.message()).contains("OPER-V4").contains("chain-foreign");
            assertThat(lab.router().rpcLog().operations()).doesNotContain("lock", "edit-config", "commit");
            assertThat(running(lab)).isEqualTo(before);

            Target chained = lab.withChain(true);
            RouterPlan plan = lab.engine().plan(List.of(chained), 1).get(0);
            assertThat(plan.status()).as(plan.toString()).isEqualTo(RouterPlan.Status.CHANGES);
            assertThat(plan.changes().fates())
                    .extracting(f -> f.describe())
                    .contains(
                            "TCP/25 toward subscribers (ipv4): forwarded → dropped",
                            "UDP/161 toward subscribers (ipv6): forwarded → dropped")
                    .noneMatch(f -> f.contains("TCP/80"));
            assertThat(plan.warnings())
                    .anyMatch(w -> w.contains("embedded into the operator's filter OPER-V4 offset 1"))
                    .noneMatch(w -> w.contains("not proven") || w.contains("would refuse"));

            RouterOutcome applied = apply(lab, chained);
            assertThat(applied.state()).as(applied.message()).isEqualTo(OutcomeState.APPLIED);
            assertThat(applied.message()).contains("chained into the operator's filter");
            ReadResult after = running(lab);
            // the operator's filters, default-actions and sla-profile references are exactly as before
            assertThat(after.foreignFilter("OPER-V4")).isEqualTo(before.foreignFilter("OPER-V4"));
            assertThat(after.foreignFilter("OPER-V6")).isEqualTo(before.foreignFilter("OPER-V6"));
            assertThat(after.foreignBindings()).isEqualTo(before.foreignBindings());
            assertThat(after.intent().bindings()).extracting(Binding::kind).containsOnly(AttachKind.EMBED);
            assertThat(after.intent().bindings())
                    .extracting(Binding::point)
                    .containsExactlyInAnyOrder("OPER-V4 offset 1", "OPER-V6 offset 1");
            assertThat(lab.router().runningXml())
                    .contains("<scope>embedded</scope>")
                    .contains("<description>operator egress</description>");

            assertThat(lab.engine().plan(List.of(chained), 1).get(0).status()).isEqualTo(RouterPlan.Status.IN_SYNC);
            lab.router().rpcLog().clear();
            RouterOutcome again = apply(lab, chained);
            assertThat(again.state()).isEqualTo(OutcomeState.NO_CHANGE);
            assertThat(lab.router().rpcLog().operations()).doesNotContain("lock", "edit-config", "commit");

            // someone deletes our embed entry from the operator's v4 filter on the CLI
            lab.router().outOfBandEdit("""
                    <configure xmlns="%s" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0"><filter><ip-filter><filter-name>OPER-V4</filter-name>
                      <embed><filter nc:operation="remove"><name>PORTCULLIS-SUBPROTECT-V4-EMB</name><offset>1</offset></filter></embed>
                    </ip-filter></filter></configure>""".formatted(NS));
            assertThat(lab.router().runningXml()).doesNotContain("<name>PORTCULLIS-SUBPROTECT-V4-EMB</name>");
            DriftEntry drift =
                    DriftEntry.of(lab.engine().plan(List.of(chained), 1).get(0));
            assertThat(drift.status()).isEqualTo("drift");
            assertThat(drift.changes()).anyMatch(c -> c.contains("embed OPER-V4 offset 1"));
            assertThat(drift.impact())
                    .contains("TCP/25 toward subscribers (ipv4): dropped → forwarded")
                    .noneMatch(i -> i.contains("ipv6"));
        }
    }

    @Test
    void anOperatorEntryThatAcceptsSmtpFirstIsARefusalAndNothingIsEdited() throws Exception {
        try (Lab lab = lab("""
                <entry><entry-id>5</entry-id><match><protocol>tcp</protocol><dst-port><eq>25</eq></dst-port></match><action><accept/></action></entry>""")) {
            Target chained = lab.withChain(true);
            RouterPlan plan = lab.engine().plan(List.of(chained), 1).get(0);
            assertThat(plan.warnings())
                    .anyMatch(w ->
                            w.contains("apply would refuse") && w.contains("operator entry entry-5 of filter OPER-V4"));
            RouterOutcome o = apply(lab, chained);
            assertThat(o.state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            assertThat(o.reason()).isEqualTo("CHAIN_NOT_PROVEN");
            assertThat(o.message())
                    .contains(":25 ipv4")
                    .contains("must be dropped but is forwarded")
                    .contains("operator entry entry-5 of filter OPER-V4");
            assertThat(lab.router().rpcLog().operations()).doesNotContain("lock", "edit-config", "commit");
            assertThat(lab.router().runningXml()).doesNotContain("PORTCULLIS-");
        }
    }

    @Test
    void anOperatorAcceptAddedBeforeOurEmbeddedEntriesLaterIsDriftThatApplyRefusesToTouch() throws Exception {
        try (Lab lab = lab("")) {
            Target chained = lab.withChain(true);
            assertThat(apply(lab, chained).state()).isEqualTo(OutcomeState.APPLIED);
            // the operator later puts an accept for TCP/25 ahead of our embedded entries (ours sit at 11 and 21)
            lab.router().outOfBandEdit("""
                    <configure xmlns="%s"><filter><ip-filter><filter-name>OPER-V4</filter-name>
                      <entry><entry-id>5</entry-id><match><protocol>tcp</protocol><dst-port><eq>25</eq></dst-port></match><action><accept/></action></entry>
                    </ip-filter></filter></configure>""".formatted(NS));
            RouterPlan plan = lab.engine().plan(List.of(chained), 1).get(0);
            assertThat(plan.status()).isEqualTo(RouterPlan.Status.CHANGES);
            DriftEntry drift = DriftEntry.of(plan);
            assertThat(drift.changes()).singleElement().asString().startsWith("filter changed: OPER-V4/entry-5");
            assertThat(drift.impact()).containsExactly("TCP/25 toward subscribers (ipv4): dropped → forwarded");
            lab.router().rpcLog().clear();
            RouterOutcome o = apply(lab, chained);
            assertThat(o.reason()).as(o.message()).isEqualTo("CHAIN_NOT_PROVEN");
            assertThat(lab.router().rpcLog().operations()).doesNotContain("lock", "edit-config", "commit");
        }
    }

    @Test
    void anOperatorEntryAddedInsideOurRangeMovesTheEmbedToAFreeOffsetAndRemovesOnlyTheOldOne() throws Exception {
        try (Lab lab = lab("")) {
            Target chained = lab.withChain(true);
            assertThat(apply(lab, chained).state()).isEqualTo(OutcomeState.APPLIED);
            // ours sit at 11 and 21; the operator takes entry-id 21 for a benign accept
            lab.router().outOfBandEdit("""
                    <configure xmlns="%s"><filter><ip-filter><filter-name>OPER-V4</filter-name>
                      <entry><entry-id>21</entry-id><match><protocol>udp</protocol><dst-port><eq>9999</eq></dst-port></match><action><accept/></action></entry>
                    </ip-filter></filter></configure>""".formatted(NS));
            RouterPlan plan = lab.engine().plan(List.of(chained), 1).get(0);
            assertThat(plan.status()).isEqualTo(RouterPlan.Status.CHANGES);
            assertThat(plan.warnings()).anyMatch(w -> w.contains("OPER-V4 offset 12"));
            RouterOutcome o = apply(lab, chained);
            assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.APPLIED);
            ReadResult after = running(lab);
            assertThat(after.intent().bindings())
                    .extracting(Binding::point)
                    .containsExactlyInAnyOrder("OPER-V4 offset 12", "OPER-V6 offset 1");
            assertThat(after.foreignFilter("OPER-V4").orElseThrow().terms())
                    .extracting(t -> t.name())
                    .containsExactly("entry-10", "entry-21", "entry-100");
            assertThat(lab.engine().plan(List.of(chained), 1).get(0).status()).isEqualTo(RouterPlan.Status.IN_SYNC);
        }
    }

    @Test
    void anOperatorEntryThatDropsOtherTrafficIsReportedAsNotProvenNotHidden() throws Exception {
        try (Lab lab = lab("""
                <entry><entry-id>30</entry-id><match><protocol>tcp</protocol><dst-port><eq>8080</eq></dst-port></match><action><drop/></action></entry>""")) {
            Target chained = lab.withChain(true);
            RouterPlan plan = lab.engine().plan(List.of(chained), 1).get(0);
            assertThat(plan.warnings())
                    .anyMatch(w -> w.contains("not proven")
                            && w.contains("entry-30 of filter OPER-V4")
                            && w.contains("every other port works"));
            RouterOutcome o = apply(lab, chained);
            assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.APPLIED);
            assertThat(o.message())
                    .contains("NOT proven that every other port works")
                    .contains("entry-30");
            assertThat(running(lab).foreignFilter("OPER-V4").orElseThrow().terms())
                    .extracting(t -> t.name())
                    .containsExactly("entry-10", "entry-30", "entry-100");
        }
    }
}
