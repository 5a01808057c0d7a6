package io.portcullis.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.lab.device.RpcLogEntry;
import io.portcullis.testing.HttpReceiver;
import io.portcullis.testing.ProcessStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak's own accounting, fed synthetic events: what counts as an alert delivered twice, which out-of-band changes
 * raced a CI apply on their router, and when the leak check has enough samples. A soak that blames the product for its
 * own miscounting cannot run in CI; one that excuses too much proves nothing, so each rule is pinned from both sides.
 */
class SoakAccountingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");
    private static final String STARTS = "2026-12-06T05:00:00.123Z";

    @Test
    void anUpdateOfAnOpenAlertIsNotADuplicate() {
        AlertLedger ledger = AlertLedger.of(List.of(
                post(0, "firing", STARTS, "r1", "", "2 changes"),
                post(3, "firing", STARTS, "r1", "soak-oob-1 (console)", "2 changes"),
                post(9, "firing", STARTS, "r1", "soak-oob-1 (console)", "3 changes"),
                post(20, "resolved", STARTS, "r1", "soak-oob-1 (console)", "3 changes")));

        assertThat(ledger.alerts()).hasSize(1);
        assertThat(ledger.duplicates(null)).isEmpty();
        assertThat(ledger.updates()).isEqualTo(2);
        assertThat(ledger.driftBy("r1", "soak-oob-1")).hasSize(1);
        assertThat(ledger.openRouters()).isEmpty();
    }

    @Test
    void theSameContentTwiceIsADuplicateForASinkThatNeverResends() {
        AlertLedger ledger = AlertLedger.of(List.of(
                post(0, "firing", STARTS, "r1", "soak-oob-1", "2 changes"),
                post(600, "firing", STARTS, "r1", "soak-oob-1", "2 changes")));

        assertThat(ledger.duplicates(null)).singleElement().asString().contains("the same content again");
    }

    @Test
    void aResendAfterTheResendIntervalIsExpectedButNotSooner() {
        List<HttpReceiver.Request> posts = List.of(
                post(0, "firing", STARTS, "r1", "soak-oob-1", "2 changes"),
                post(61, "firing", STARTS, "r1", "soak-oob-1", "2 changes"),
                post(70, "firing", STARTS, "r1", "soak-oob-1", "2 changes"));

        // Alertmanager semantics: an unchanged firing alert is sent again every repeat/resend interval
        assertThat(AlertLedger.of(posts).duplicates(Duration.ofMinutes(1)))
                .singleElement()
                .asString()
                .contains("after 9000 ms");
    }

    @Test
    void aSecondResolvedOrAFiringAfterResolvedIsADuplicate() {
        assertThat(AlertLedger.of(List.of(
                                post(0, "firing", STARTS, "r1", "", "2 changes"),
                                post(5, "resolved", STARTS, "r1", "", "2 changes"),
                                post(6, "resolved", STARTS, "r1", "", "2 changes")))
                        .duplicates(null))
                .singleElement()
                .asString()
                .contains("resolved again after it resolved");
        assertThat(AlertLedger.of(List.of(
                                post(0, "firing", STARTS, "r1", "", "2 changes"),
                                post(5, "resolved", STARTS, "r1", "", "2 changes"),
                                post(6, "firing", STARTS, "r1", "", "2 changes")))
                        .duplicates(null))
                .singleElement()
                .asString()
                .contains("firing again after it resolved");
    }

    @Test
    void aReopenedAlertIsANewAlertThatCountsAgainstExactlyOnce() {
        AlertLedger ledger = AlertLedger.of(List.of(
                post(0, "firing", STARTS, "r1", "soak-oob-1", "2 changes"),
                post(5, "resolved", STARTS, "r1", "soak-oob-1", "2 changes"),
                post(9, "firing", "2026-12-06T05:00:09.000Z", "r1", "soak-oob-1", "2 changes")));

        assertThat(ledger.duplicates(null)).isEmpty();
        assertThat(ledger.driftBy("r1", "soak-oob-1")).hasSize(2);
        assertThat(ledger.openRouters()).containsExactly("r1");
    }

    @Test
    void serveOverwriteReportIsFoundByItsSummaryOnItsRouterAfterTheChange() {
        String report = "r1 was changed out of band and " + AlertLedger.OVERWRITE_REPORT
                + " apply run 1a2b3c4d by ci (started …) read the change and overwrote it";
        AlertLedger ledger = AlertLedger.of(List.of(
                post(0, "firing", STARTS, "r2", "", "r2 no longer enforces the policy"),
                post(9, "firing", "2026-12-06T05:00:09.000Z", "r1", "", report),
                post(9, "resolved", "2026-12-06T05:00:09.000Z", "r1", "", report)));

        assertThat(ledger.overwriteReports("r1", T0)).singleElement().satisfies(a -> {
            assertThat(a.overwriteReport()).isTrue();
            assertThat(a.resolved()).isEqualTo(1);
        });
        assertThat(ledger.overwriteReports("r1", T0.plusSeconds(10)))
                .as("opened before the change")
                .isEmpty();
        assertThat(ledger.overwriteReports("r2", T0))
                .as("an ordinary drift alert")
                .isEmpty();
        assertThat(ledger.duplicates(null)).isEmpty();
    }

    @Test
    void aServerMadeDriftIsARestorationOnlyWhenARevertRunRolledItsRouterBackFromAnOutOfBandChange() {
        ApplyDocument report = new ApplyDocument(
                "run-3",
                List.of(
                        new ApplyDocument.Outcome(
                                "r1",
                                OutcomeState.FAILED_ROLLED_BACK,
                                "ROLLED_BACK",
                                List.of("filter-changed", RollbackRestorations.OUT_OF_BAND_KIND)),
                        new ApplyDocument.Outcome(
                                "r2", OutcomeState.FAILED_ROLLED_BACK, "ROLLED_BACK", List.of("filter-changed")),
                        new ApplyDocument.Outcome(
                                "r3", OutcomeState.APPLIED, "APPLIED", List.of(RollbackRestorations.OUT_OF_BAND_KIND)),
                        // the revert not verified: the router's own rollback came later, restoring a raced edit
                        new ApplyDocument.Outcome(
                                "r5", OutcomeState.ROLLBACK_FAILED, "ROLLBACK_NOT_VERIFIED", List.of("filter-changed")),
                        new ApplyDocument.Outcome(
                                "r6",
                                OutcomeState.ROLLBACK_FAILED,
                                "ROLLBACK_NOT_VERIFIED",
                                List.of("filter-changed"))));
        List<CiRuns.CliRun> runs =
                List.of(new CiRuns.CliRun("r3-apply-revert", "apply", 1, report, 50, T0, T0.plusSeconds(50)));
        String during = "2026-12-06T05:00:30.000Z";
        AlertLedger ledger = AlertLedger.of(List.of(
                post(30, "firing", during, "r1", "the server", "1 change"),
                post(30, "firing", during, "r2", "the server", "1 change"),
                post(30, "firing", during, "r3", "the server", "1 change"),
                post(30, "firing", during, "r4", "the server", "1 change"),
                post(200, "firing", "2026-12-06T05:03:20.000Z", "r1", "the server", "1 change"),
                post(31, "firing", "2026-12-06T05:00:31.000Z", "r1", "soak-oob-7 (console)", "1 change"),
                post(32, "firing", "2026-12-06T05:00:32.000Z", "r1", "", "1 change"),
                post(300, "firing", "2026-12-06T05:05:00.000Z", "r1", "", "1 change"),
                post(33, "firing", "2026-12-06T05:00:33.000Z", "r5", "the server", "1 change"),
                post(34, "firing", "2026-12-06T05:00:34.000Z", "r6", "", "1 change")));

        assertThat(ledger.alerts())
                .filteredOn(a -> RollbackRestorations.restoredBy(a, runs).isPresent())
                .as("r1's, opened during the run that rolled it back from a pre-image holding the soak's edit: by the"
                        + " server, or by nobody (a full check saw it first)")
                .extracting(AlertLedger.Alert::router, AlertLedger.Alert::startsAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r1", during),
                        org.assertj.core.groups.Tuple.tuple("r1", "2026-12-06T05:00:32.000Z"),
                        org.assertj.core.groups.Tuple.tuple("r5", "2026-12-06T05:00:33.000Z"));
        // not: r2 (its pre-image held no out-of-band edit), r3 (not rolled back), r4 (not in the run), r1 long after
        // the run (by the server or by nobody), a person's change, r6 (revert not verified, but no author named:
        // without
        // the pre-image's evidence only the server's own name counts)
    }

    @Test
    void anApplyReportIsReadWithTheKindsOfChangeItFoundPerRouter(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("report.json");
        java.nio.file.Files.writeString(file, """
                {"format": "portcullis-apply/1", "runId": "abc", "routers": [
                  {"router": "r1", "state": "FAILED_ROLLED_BACK", "reason": "ROLLED_BACK",
                   "changes": [{"kind": "term-missing", "text": "term missing: F/accept-rest"}]},
                  {"router": "r2", "state": "NO_CHANGE", "reason": "IN_SYNC", "changes": []}]}
                """);

        ApplyDocument doc = ApplyDocument.read(file);

        assertThat(doc.runId()).isEqualTo("abc");
        assertThat(doc.routers().get(0).changeKinds()).containsExactly("term-missing");
        assertThat(doc.routers().get(1).changeKinds()).isEmpty();
    }

    @Test
    void anAuthorIsNamedWholeNotAsAPrefix() {
        assertThat(AlertLedger.names("soak-oob-12 (console)", "soak-oob-1")).isFalse();
        assertThat(AlertLedger.names("soak-oob-1 (console)", "soak-oob-1")).isTrue();
        assertThat(AlertLedger.names("soak-oob-1", "soak-oob-1")).isTrue();
        assertThat(AlertLedger.names("xsoak-oob-1", "soak-oob-1")).isFalse();
    }

    @Test
    void aChangeInsideAnApplysTransactionOnItsRouterRacedIt() {
        Instant runStart = T0;
        Instant runEnd = T0.plusSeconds(40);
        List<RpcLogEntry> log = List.of(
                rpc(2, 7, "get-config"), // a drift check: reads only
                rpc(10, 9, "get-config"), // the apply's pre-image read
                rpc(11, 9, "lock"),
                rpc(12, 9, "edit-config"),
                rpc(13, 9, "commit"),
                rpc(15, 9, "commit"),
                rpc(16, 9, "unlock"));

        assertThat(Collisions.inFlight(log, runStart, runEnd, T0.plusSeconds(14)))
                .as("between the confirmed commit and the confirm")
                .isTrue();
        assertThat(Collisions.inFlight(log, runStart, runEnd, T0.plusSeconds(30)))
                .as("after the transaction, while the run goes on (a revert is verified on fresh sessions)")
                .isTrue();
        assertThat(Collisions.inFlight(log, runStart, runEnd, T0.plusSeconds(5)))
                .as("5 s before the apply reached this router: read as its pre-image and overwritten seconds later")
                .isTrue();
        List<RpcLogEntry> reachedLate =
                List.of(rpc(20, 9, "get-config"), rpc(21, 9, "lock"), rpc(22, 9, "edit-config"));
        assertThat(Collisions.inFlight(reachedLate, runStart, runEnd, T0.plusSeconds(5)))
                .as("15 s before the apply reached this router: serve had time to see it")
                .isFalse();
        assertThat(Collisions.inFlight(log, runStart, runEnd, T0.plusSeconds(41)))
                .as("after the run ended")
                .isFalse();
        assertThat(Collisions.inFlight(log.subList(0, 1), runStart, runEnd, T0.plusSeconds(14)))
                .as("only a drift check's reads on this router: no transaction")
                .isFalse();
    }

    @Test
    void aCliLockOrEditIsNotAPortcullisTransaction() {
        List<RpcLogEntry> log = List.of(
                new RpcLogEntry(T0.plusSeconds(1), 0, "cli-admin", null, "cli-lock", "candidate", ""),
                new RpcLogEntry(T0.plusSeconds(2), 0, "soak-oob-3", null, "cli-edit", "running", ""));

        assertThat(Collisions.inFlight(log, T0, T0.plusSeconds(40), T0.plusSeconds(3)))
                .isFalse();
    }

    @Test
    void findPairsAChangeWithTheApplyRunningOnItsRouterOnly() {
        CiRuns.CliRun apply = new CiRuns.CliRun("r1-apply", "apply", 0, null, 40, T0, T0.plusSeconds(40));
        CiRuns.CliRun plan = new CiRuns.CliRun("r2-plan", "plan", 0, null, 40, T0, T0.plusSeconds(40));
        OutOfBandChanges.Change inside = new OutOfBandChanges.Change(1, "lab-a", "soak-oob-1", T0.plusSeconds(14));
        OutOfBandChanges.Change otherRouter = new OutOfBandChanges.Change(2, "lab-b", "soak-oob-2", T0.plusSeconds(14));
        List<RpcLogEntry> touched = List.of(rpc(10, 9, "get-config"), rpc(11, 9, "lock"));

        List<Collisions.Collision> found = Collisions.find(
                List.of(apply, plan),
                List.of(inside, otherRouter),
                router -> router.equals("lab-a") ? touched : List.of(rpc(3, 4, "get-config")));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.change()).isEqualTo(inside);
            assertThat(c.run()).isEqualTo(apply);
        });
    }

    @Test
    void anUnverifiedRollbackIsExplainedByAnUnreadableSpellOnItsRouterDuringThatApplyOnly() {
        CiRuns.Unverified notVerified = unverified("ROLLBACK_NOT_VERIFIED");
        FaultInjector.Spell unreachableDuring = spell("lab-a", FaultInjector.Kind.UNREACHABLE, 30, 70);

        assertThat(unexplained(notVerified, unreachableDuring))
                .as("unreachable while the apply reverted it")
                .isEmpty();
        assertThat(unexplained(
                        notVerified,
                        new FaultInjector.Spell("lab-a", FaultInjector.Kind.SILENT_SESSION, T0.plusSeconds(45), null)))
                .as("a spell still in force at the end")
                .isEmpty();
        assertThat(unexplained(notVerified, spell("lab-a", FaultInjector.Kind.UNREACHABLE, -60, -1)))
                .as("a spell that ended before the apply began")
                .containsExactly(notVerified);
        assertThat(unexplained(notVerified, spell("lab-b", FaultInjector.Kind.UNREACHABLE, 30, 70)))
                .as("another router's spell")
                .containsExactly(notVerified);
        assertThat(unexplained(notVerified, spell("lab-a", FaultInjector.Kind.SLOW_REPLIES, 30, 70)))
                .as("slow replies still let the rollback be read back")
                .containsExactly(notVerified);
        CiRuns.Unverified otherReason = unverified("ROLLBACK_FAILED");
        assertThat(unexplained(otherReason, unreachableDuring))
                .as("a rollback that failed outright is not excused by a fault that only hides the router")
                .containsExactly(otherReason);
    }

    /** lab-a left ROLLBACK_FAILED with this reason by a revert apply that ran from T0 to T0 + 50 s. */
    private static CiRuns.Unverified unverified(String reason) {
        CiRuns.CliRun revert = new CiRuns.CliRun("r3-apply-revert", "apply", 1, null, 50, T0, T0.plusSeconds(50));
        return new CiRuns.Unverified(revert, new ApplyDocument.Outcome("lab-a", OutcomeState.ROLLBACK_FAILED, reason));
    }

    private static FaultInjector.Spell spell(String router, FaultInjector.Kind kind, int fromSecond, int toSecond) {
        return new FaultInjector.Spell(router, kind, T0.plusSeconds(fromSecond), T0.plusSeconds(toSecond));
    }

    /** What of {@code u} neither a collision (none here) nor {@code spell} explains. */
    private static List<CiRuns.Unverified> unexplained(CiRuns.Unverified u, FaultInjector.Spell spell) {
        return SoakChecks.explainedNeither(List.of(u), List.of(), List.of(spell));
    }

    @Test
    void theLeakCheckNeedsThreeBaselineSamplesAndSaysWhenTheyCameLate() {
        ResourceSamples two = new ResourceSamples("replica-a");
        two.duringSoak(sample(100, 50, 200), false);
        two.duringSoak(sample(100, 50, 200), false);
        two.atEnd(sample(100, 50, 200));
        Verdict v = new Verdict();
        two.judge(v);
        assertThat(v.ok()).isFalse();
        assertThat(v.toString()).contains("too few samples (2 during the soak");

        ResourceSamples late = new ResourceSamples("replica-a");
        late.duringSoak(sample(100, 50, 200), false);
        late.duringSoak(sample(104, 50, 200), false);
        late.duringSoak(sample(102, 50, 200), true);
        late.atEnd(sample(108, 50, 201));
        Verdict ok = new Verdict();
        late.judge(ok);
        assertThat(ok.ok()).as(ok.toString()).isTrue();
        assertThat(ok.toString()).contains("1 of the baseline's taken during the drain");

        ResourceSamples leaking = new ResourceSamples("replica-a");
        leaking.duringSoak(sample(100, 50, 200), false);
        leaking.duringSoak(sample(100, 50, 200), false);
        leaking.duringSoak(sample(100, 50, 200), false);
        leaking.atEnd(sample(100, 50, 240));
        Verdict leak = new Verdict();
        leaking.judge(leak);
        assertThat(leak.failures()).singleElement().satisfies(r -> assertThat(r.check())
                .contains("open fds"));
    }

    @Test
    void theLeakCheckComparesFloorsSoWorkInFlightAtOneSampleIsNoLeak() {
        // the 04:04 soak's leader: a low start, busy moments, an idle end (heap MB after GC)
        ResourceSamples busy = new ResourceSamples("replica-a");
        for (double mb : new double[] {86.4, 86.4, 108.9, 88.1, 112.1, 93.0}) {
            busy.duringSoak(sample(mb, 60, 1211), false);
        }
        for (double mb : new double[] {103.0, 90.3, 124.9}) {
            busy.atEnd(sample(mb, 58, 1218));
        }
        Verdict v = new Verdict();
        busy.judge(v);
        assertThat(v.ok()).as(v.toString()).isTrue();
        assertThat(v.toString()).contains("86.4 -> 90.3");

        // a leak lifts every sample, the lowest too
        ResourceSamples leaking = new ResourceSamples("replica-a");
        for (double mb : new double[] {86.4, 95.0, 90.0}) {
            leaking.duringSoak(sample(mb, 60, 1211), false);
        }
        for (double mb : new double[] {97.0, 99.0, 120.0}) {
            leaking.atEnd(sample(mb, 60, 1211));
        }
        Verdict leak = new Verdict();
        leaking.judge(leak);
        assertThat(leak.failures()).singleElement().satisfies(r -> assertThat(r.check())
                .contains("heap after GC"));
    }

    private static ProcessStats.Sample sample(double heapMb, int threads, int fds) {
        return new ProcessStats.Sample(T0, Math.round(heapMb * 1024 * 1024), threads, fds, 1000);
    }

    private static RpcLogEntry rpc(int second, int session, String operation) {
        return new RpcLogEntry(T0.plusSeconds(second), session, "lab", "m" + second, operation, null, "");
    }

    /** One webhook post as WebhookSink sends it (only the fields the ledger reads). */
    private static HttpReceiver.Request post(
            int second, String status, String startsAt, String router, String changedBy, String summary) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", status);
        alert.putObject("labels").put("alertname", AlertLedger.DRIFT).put("router", router);
        ObjectNode annotations = alert.putObject("annotations").put("summary", summary);
        if (!changedBy.isEmpty()) {
            annotations.put("changed_by", changedBy);
        }
        alert.put("startsAt", startsAt);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("alerts").add(alert);
        return new HttpReceiver.Request("/hook", (JsonNode) body, T0.plusSeconds(second), 200);
    }
}
