package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.FateChange;
import io.portcullis.engine.Engine;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Action;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The issue-4 plan and refusal cases on simulated routers over SSH (the same cases run on the in-memory fake in
 * RolloutAndPlanTest and ApplyTransactionTest): plan on a fresh, an in-sync, an out-of-band-changed, a
 * foreign-config and an unreachable router; a stale saved plan; someone else's uncommitted candidate edits;
 * a failed canary. Every case reads the routers back and checks the RPC logs of the routers not to be touched.
 */
@Tag("lab")
class LabPlanAndRefusalTest {

    @Test
    void planClassifiesFreshInSyncChangedForeignAndUnreachableWithoutTouchingAnyRouter() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(5)) {
            List<Target> t = lab.targets();
            RunReport setup =
                    lab.engine().apply(t.subList(1, 4), LabFleetEngineTest.opts(3), null, null, null, RunListener.NONE);
            assertThat(setup.routers()).extracting(RouterOutcome::state).containsOnly(OutcomeState.APPLIED);

            SimDevice changed = lab.fleet().device(2);
            changed.outOfBandEdit(Platforms.get(changed.platform())
                    .renderConfig(withoutPort(t.get(2).intent(), 587)));
            SimDevice foreign = lab.fleet().device(3);
            foreign.outOfBandEdit(Platforms.get(foreign.platform())
                    .renderConfig(operatorFilter(t.get(3).intent())));
            lab.fleet().server().unserve(lab.fleet().device(4));
            lab.fleet().devices().forEach(d -> d.rpcLog().clear());

            List<RouterPlan> plan = lab.engine().plan(t, 5);

            assertThat(plan)
                    .extracting(RouterPlan::status)
                    .as(plan.toString())
                    .containsExactly(
                            RouterPlan.Status.CHANGES,
                            RouterPlan.Status.IN_SYNC,
                            RouterPlan.Status.CHANGES,
                            RouterPlan.Status.IN_SYNC,
                            RouterPlan.Status.ERROR);
            assertThat(Engine.exitCode(plan))
                    .as("an unreachable router makes the plan an error, never hidden")
                    .isEqualTo(1);
            assertThat(plan.get(0).changes().fates())
                    .extracting(FateChange::describe)
                    .anyMatch(f -> f.startsWith("TCP/25 toward subscribers") && f.endsWith("forwarded → dropped"));
            assertThat(plan.get(2).changes().fates())
                    .extracting(FateChange::describe)
                    .as("only the port removed out of band")
                    .isNotEmpty()
                    .allMatch(f -> f.startsWith("TCP/587 toward subscribers") && f.endsWith("forwarded → dropped"));
            assertThat(plan.get(2).changes().reverseText())
                    .as("the reverse change is shown too")
                    .isNotBlank();
            assertThat(plan.get(4).error())
                    .as("the unreachable router says why")
                    .isNotBlank();
            assertThat(foreign.runningXml())
                    .as("foreign config is ignored, and left in place")
                    .contains("OPERATOR-EXTRA");
            for (SimDevice d : lab.fleet().devices()) {
                assertThat(d.rpcLog().operations())
                        .as(d.name() + ": plan is read-only")
                        .doesNotContain("lock", "edit-config", "commit", "discard-changes", "kill-session");
            }
        }
    }

    @Test
    void aSavedPlanIsRefusedOnARouterChangedSinceAndAppliedOnTheOthers() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            List<Target> t = lab.targets();
            PlanFile plan = lab.engine().planFile("sha256:p", lab.engine().plan(t, 2));
            SimDevice stale = lab.fleet().device(0);
            stale.outOfBandEdit(Platforms.get(stale.platform())
                    .renderConfig(withoutPort(t.get(0).intent(), 25)));
            String changedRunning = stale.runningXml();
            stale.rpcLog().clear();

            // --max-failures 0: a router refused for a stale plan was not touched, so the others still proceed
            RunReport r =
                    lab.engine().apply(t, LabFleetEngineTest.opts(1), plan, "sha256:p", "plan.json", RunListener.NONE);

            assertThat(r.routers().get(0).reason())
                    .as(r.routers().get(0).message())
                    .isEqualTo("STALE_PLAN");
            assertThat(r.routers().get(0).state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            assertThat(stale.rpcLog().operations()).doesNotContain("lock", "edit-config", "commit");
            assertThat(stale.runningXml()).isEqualTo(changedRunning);
            assertThat(r.routers().get(1).state()).isEqualTo(OutcomeState.APPLIED);
            assertThat(lab.engine().plan(t.subList(1, 2), 1).get(0).status()).isEqualTo(RouterPlan.Status.IN_SYNC);
        }
    }

    @Test
    void someoneElsesUncommittedCandidateEditsAreRefusedAndNeverDiscarded() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            // router 1: a colleague is putting a protection filter in by hand; router 2: something unrelated
            Target ours = lab.targets().get(0);
            SimDevice d1 = lab.fleet().device(0);
            Target other = lab.targets().get(1);
            SimDevice d2 = lab.fleet().device(1);
            try (RouterSession colleague1 = lab.connector().open(ours.device());
                    RouterSession colleague2 = lab.connector().open(other.device())) {
                colleague1.editConfig(
                        Datastore.CANDIDATE,
                        Platforms.get(d1.platform()).renderConfig(withoutPort(ours.intent(), 587)));
                colleague2.editConfig(
                        Datastore.CANDIDATE, Platforms.get(d2.platform()).renderConfig(operatorFilter(other.intent())));
                String candidate1 = d1.candidateXml();
                String running1 = d1.runningXml();
                lab.fleet().devices().forEach(d -> d.rpcLog().clear());

                RunReport r = lab.engine()
                        .apply(
                                lab.targets(),
                                LabFleetEngineTest.opts(2).withRollout(0, 0, 2, 5),
                                null,
                                null,
                                null,
                                RunListener.NONE);

                RouterOutcome o1 = r.routers().get(0);
                assertThat(o1.state()).as(o1.message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(o1.reason()).isEqualTo("FOREIGN_UNCOMMITTED_CHANGES");
                assertThat(d1.candidateXml())
                        .as("the colleague's edit is still there")
                        .isEqualTo(candidate1);
                assertThat(d1.runningXml()).isEqualTo(running1);
                // outside the managed subtree the edit is invisible to Portcullis' read, but the router refuses the
                // lock: still a refusal that names the holder, and nothing is discarded
                RouterOutcome o2 = r.routers().get(1);
                assertThat(o2.state()).as(o2.message()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
                assertThat(o2.reason()).isIn("FOREIGN_UNCOMMITTED_CHANGES", "LOCKED_BY");
                assertThat(d2.candidateXml()).contains("OPERATOR-EXTRA");
                assertThat(d2.runningXml()).doesNotContain("PORTCULLIS-").doesNotContain("OPERATOR-EXTRA");
                for (SimDevice d : lab.fleet().devices()) {
                    assertThat(d.rpcLog().operations())
                            .as(d.name())
                            .doesNotContain("discard-changes", "kill-session", "commit", "edit-config");
                }
            }
        }
    }

    @Test
    void aFailedCanaryHaltsTheRolloutAndNoOtherRouterIsContacted() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(4)) {
            lab.fleet().device(0).faults().failValidate("/acl", "injected validation failure");

            RunReport r = lab.engine()
                    .apply(
                            lab.targets(),
                            LabFleetEngineTest.opts(2).withRollout(1, 0, 2, 5),
                            null,
                            null,
                            null,
                            RunListener.NONE);

            assertThat(r.routers().get(0).state()).isEqualTo(OutcomeState.FAILED_NOT_APPLIED);
            assertThat(lab.fleet().device(0).runningXml()).doesNotContain("PORTCULLIS-");
            for (int i = 1; i < 4; i++) {
                assertThat(r.routers().get(i).state()).isEqualTo(OutcomeState.NOT_CONTACTED);
                assertThat(lab.fleet().device(i).rpcLog().size())
                        .as("router " + (i + 1) + " never contacted")
                        .isZero();
            }
        }
    }

    /** The intent with one destination port taken out of every term (a term left without ports is dropped). */
    static FilterIntent withoutPort(FilterIntent intent, int port) {
        List<Filter> filters = new ArrayList<>();
        for (Filter f : intent.filters()) {
            List<Term> terms = new ArrayList<>();
            for (Term term : f.terms()) {
                List<PortRange> ports = term.match().destinationPorts().stream()
                        .filter(p -> !p.contains(port))
                        .toList();
                if (!term.match().destinationPorts().isEmpty() && ports.isEmpty()) {
                    continue;
                }
                Match m = term.match();
                terms.add(new Term(
                        term.name(),
                        term.sequence(),
                        new Match(
                                m.protocol(),
                                ports,
                                m.sourcePorts(),
                                m.eitherPorts(),
                                m.destinationPrefixes(),
                                m.sourcePrefixes()),
                        term.action(),
                        term.counter(),
                        term.log(),
                        term.description()));
            }
            filters.add(new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        }
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }

    /** An operator's own filter, bound nowhere: foreign configuration Portcullis must ignore and never touch. */
    static FilterIntent operatorFilter(FilterIntent ours) {
        Filter f = ours.filters().get(0);
        Term allowSsh = new Term(
                "allow-ssh",
                10,
                Match.destinationPorts(Protocol.TCP, List.of(PortRange.single(22))),
                Action.ACCEPT,
                null,
                false,
                null);
        return new FilterIntent(
                ours.device(),
                ours.platform(),
                List.of(new Filter(
                        "OPERATOR-EXTRA", f.family(), List.of(allowSsh), f.defaultAction(), "operator filter")),
                List.of());
    }
}
