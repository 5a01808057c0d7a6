package io.portcullis.soak;

import io.portcullis.engine.report.OutcomeState;
import io.portcullis.lab.LabFleet;
import io.portcullis.store.DbSettings;
import io.portcullis.testing.HttpReceiver;
import io.portcullis.testing.PortcullisProcess;
import io.portcullis.testing.ServeReplica;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The end of a soak: what the issue asks to hold after the faults, each a row of the {@link Verdict} — out-of-band
 * changes alerted once and resolved, no duplicate or unexplained alert, no router unverified or half-configured (serve's
 * states after the drain, a clean apply, a drift run), foreign config untouched, both serve processes flat, every run and
 * alert delivery in the database.
 */
final class SoakChecks {
    private final SoakSettings s;
    private final Verdict v;
    private final LabFleet fleet;
    private final ForeignConfig foreign;
    private final CiRuns ci;
    private final HttpReceiver receiver;
    private final DbSettings db;
    private final ServeReplica leader;
    private final ServeReplica follower;
    private final FaultPhase phase;
    private final PortcullisProcess processes;
    private final PrintStream out;

    SoakChecks(
            SoakSettings s,
            Verdict v,
            LabFleet fleet,
            ForeignConfig foreign,
            CiRuns ci,
            HttpReceiver receiver,
            DbSettings db,
            ServeReplica leader,
            ServeReplica follower,
            FaultPhase phase,
            PortcullisProcess processes,
            PrintStream out) {
        this.s = s;
        this.v = v;
        this.fleet = fleet;
        this.foreign = foreign;
        this.ci = ci;
        this.receiver = receiver;
        this.db = db;
        this.leader = leader;
        this.follower = follower;
        this.phase = phase;
        this.processes = processes;
        this.out = out;
    }

    void judge() throws Exception {
        v.check(
                "both serve processes alive, the leader (" + leader.name() + ") still leads",
                leader.process().isAlive() && follower.process().isAlive() && leader.leads(),
                leader.name() + " " + (leader.process().isAlive() ? "alive" : "DEAD") + " leads="
                        + leader.leaderData("leader") + ", " + follower.name() + " "
                        + (follower.process().isAlive() ? "alive" : "DEAD") + " leads="
                        + follower.leaderData("leader"));
        routerStates();
        alerts();
        v.check(
                "foreign config untouched",
                foreign.touched(fleet).isEmpty(),
                firstFew(foreign.touched(fleet), fleet.size() + " routers compared"));
        unverified();
        List<String> problems = new ArrayList<>(phase.problems());
        problems.addAll(phase.faults().problems());
        problems.addAll(phase.oob().problems());
        v.check(
                "the soak itself ran cleanly (faults, changes, CI, sampling)",
                problems.isEmpty(),
                firstFew(problems, "no problem"));
        phase.samples().forEach(r -> r.judge(v));
        database();
        v.note("faults injected: " + phase.faults().total() + " "
                + phase.faults().injected() + ", reboots inside a confirm window: "
                + phase.faults().rebootsInWindow());
        v.note("out-of-band changes inside a CI apply on their router (counted as faults of it): "
                + phase.collisions().size() + (phase.collisions().isEmpty() ? "" : " " + phase.collisions()));
        v.note("out-of-band changes: " + phase.oob().changes().size() + "; CI runs: "
                + ci.runs().size() + " ("
                + ci.runs().stream().map(r -> r.name() + "=" + r.exit()).collect(Collectors.joining(" "))
                + "); apply outcomes " + ci.outcomes());
    }

    /**
     * ROLLBACK_FAILED has two causes the soak makes on purpose: an out-of-band change that raced that very apply on that
     * router (its running config is then neither the pre-image nor the policy), and a fault that left the router
     * unreadable while the apply reverted it (the rollback was sent or not, but cannot be proven: ROLLBACK_NOT_VERIFIED,
     * the honest outcome). Either way the operator step must then have cleared it (the quarantine and final-apply rows).
     */
    private void unverified() {
        List<CiRuns.Unverified> all = ci.unverified();
        List<String> unexplained = explainedNeither(
                        all, phase.collisions(), phase.faults().spells())
                .stream()
                .map(Object::toString)
                .toList();
        v.check(
                "no apply left a router ROLLBACK_FAILED but for a fault or an out-of-band change on it then",
                unexplained.isEmpty(),
                firstFew(
                        unexplained,
                        all.isEmpty()
                                ? "outcomes " + ci.outcomes()
                                : all.size() + " after a fault or an out-of-band change inside that apply ("
                                        + firstFew(
                                                all.stream()
                                                        .map(Object::toString)
                                                        .toList(),
                                                "") + ")"));
    }

    /** The ROLLBACK_FAILED outcomes that neither a racing out-of-band change nor an unreadable spell explains. */
    static List<CiRuns.Unverified> explainedNeither(
            List<CiRuns.Unverified> all, List<Collisions.Collision> collisions, List<FaultInjector.Spell> spells) {
        return all.stream()
                .filter(u -> collisions.stream()
                        .noneMatch(c -> c.run().equals(u.run())
                                && c.router().equals(u.outcome().router())))
                .filter(u -> !"ROLLBACK_NOT_VERIFIED".equals(u.outcome().reason())
                        || spells.stream()
                                .noneMatch(sp -> sp.router().equals(u.outcome().router())
                                        && FaultInjector.Spell.UNREADABLE.contains(sp.kind())
                                        && sp.overlaps(
                                                u.run().started(), u.run().ended())))
                .toList();
    }

    private void alerts() {
        AlertLedger ledger = AlertLedger.read(receiver, "/hook");
        List<OutOfBandChanges.Change> changes = phase.oob().changes();
        List<String> notOnce = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        int raced = 0;
        int racedUnalerted = 0;
        int reportedOverwritten = 0;
        java.util.Set<AlertLedger.Alert> matchedReports = new java.util.HashSet<>();
        // drifts a revert run's rollback brought back (RollbackRestorations): alerted again by "the server"
        List<CiRuns.CliRun> runs = ci.runs();
        Map<AlertLedger.Alert, CiRuns.CliRun> restoredBy = new java.util.LinkedHashMap<>();
        ledger.alerts().forEach(x -> RollbackRestorations.restoredBy(x, runs).ifPresent(r -> restoredBy.put(x, r)));
        List<AlertLedger.Alert> restorations = List.copyOf(restoredBy.keySet());
        int alertedWhenRestored = 0;
        for (OutOfBandChanges.Change c : changes) {
            List<AlertLedger.Alert> a = ledger.driftBy(c.router(), c.user());
            if (a.isEmpty()) {
                // no alert under its own name (a revert run overwrote it before any check saw it), then the run's
                // rollback restored it and serve alerted it as the server's: that alert is the change's one alert
                a = restorations.stream()
                        .filter(r -> r.router().equals(c.router())
                                && !matchedReports.contains(r)
                                && Instant.parse(r.startsAt()).isAfter(c.at()))
                        .limit(1)
                        .toList();
                matchedReports.addAll(a);
                alertedWhenRestored += a.size();
            }
            if (a.isEmpty()) {
                // no check saw it, an apply overwrote it, and serve's overwrite audit reported it afterwards, without
                // an author (none can be known): that report is the change's alert
                a = ledger.overwriteReports(c.router(), c.at().minusSeconds(1)).stream()
                        .filter(r -> !matchedReports.contains(r))
                        .limit(1)
                        .toList();
                matchedReports.addAll(a);
                reportedOverwritten += a.size();
            }
            boolean collided = phase.collided(c);
            raced += collided ? 1 : 0;
            // a change that raced an apply on its router may have been overwritten or rolled back by that apply's own
            // commit before serve looked: no alert is then right (nothing was ever there to see); more than one never
            // is, nor a drift alert of that router after the change that names no out-of-band author (the change
            // alerted as someone else's, e.g. as the commit of Portcullis' own that carried it along)
            List<String> blamedOnOthers = collided && a.isEmpty() ? blamedOnOthers(ledger, c, restorations) : List.of();
            if (collided && a.isEmpty() && blamedOnOthers.isEmpty()) {
                racedUnalerted++;
            } else if (!blamedOnOthers.isEmpty()) {
                notOnce.add(c.user() + " on " + c.router() + " at " + c.at() + " (raced a CI apply): alerted as "
                        + String.join(", ", blamedOnOthers));
            } else if (a.size() != 1) {
                notOnce.add(c.user() + " on " + c.router() + " at " + c.at() + ": " + a.size() + " alerts"
                        + (collided ? " (raced a CI apply)" : ""));
            }
            if (!a.isEmpty() && a.stream().noneMatch(x -> x.resolved() > 0)) {
                unresolved.add(c.user() + " on " + c.router() + " at " + c.at());
            }
        }
        v.check(
                "every out-of-band change alerted exactly once",
                !changes.isEmpty() && notOnce.isEmpty(),
                firstFew(
                        notOnce,
                        changes.size() + " changes, " + (changes.size() - racedUnalerted) + " alerted once"
                                + (raced == 0
                                        ? ""
                                        : " (" + raced + " raced a CI apply on their router, " + racedUnalerted
                                                + " of them not alerted: the apply overwrote or rolled them back)")
                                + (reportedOverwritten == 0
                                        ? ""
                                        : "; " + reportedOverwritten
                                                + " alerted by serve's overwrite audit after an apply overwrote them unseen")
                                + (alertedWhenRestored == 0
                                        ? ""
                                        : "; " + alertedWhenRestored
                                                + " alerted only when a revert run's rollback restored them")));
        v.check(
                "every out-of-band change resolved",
                unresolved.isEmpty(),
                firstFew(unresolved, (changes.size() - racedUnalerted) + " alerted, all resolved"));
        List<String> duplicates = ledger.duplicates(null);
        v.check(
                "no alert delivered twice",
                duplicates.isEmpty(),
                firstFew(
                        duplicates,
                        ledger.accepted() + " webhook posts, " + ledger.updates()
                                + " of them updates of an open alert"));
        List<String> unexplained = ledger
                .where(a -> a.name().equals(AlertLedger.DRIFT)
                        && !matchedReports.contains(a)
                        && !restorations.contains(a)
                        && a.authors().stream().noneMatch(x -> x.contains("soak-oob-")))
                .stream()
                .map(a -> a.router() + " by '" + a.changedBy() + "' at " + a.startsAt()
                        + (phase.everFaulted(a.router()) ? " (faulted router)" : ""))
                .toList();
        List<String> unexplainedUnfaulted = unexplained.stream()
                .filter(x -> !x.endsWith("(faulted router)"))
                .toList();
        v.check(
                "no drift alert without a cause (router never faulted)",
                unexplainedUnfaulted.isEmpty(),
                firstFew(unexplainedUnfaulted, "none"));
        if (!restorations.isEmpty()) {
            v.note("drift alerts of out-of-band changes a revert run's rollback restored (changed by the server): "
                    + restorations.size() + " "
                    + firstFew(
                            restoredBy.entrySet().stream()
                                    .map(e -> e.getKey().router() + " at "
                                            + e.getKey().startsAt() + " after "
                                            + e.getValue().name())
                                    .toList(),
                            ""));
        }
        if (!unexplained.isEmpty()) {
            v.note("drift alerts not caused by an out-of-band change (" + unexplained.size() + "): "
                    + firstFew(unexplained, ""));
        }
        List<String> open = ledger.where(AlertLedger.Alert::open).stream()
                .map(a -> a.name() + " " + a.router() + " since " + a.startsAt())
                .toList();
        v.check(
                "no alert left open at the end",
                open.isEmpty(),
                firstFew(
                        open,
                        ledger.alerts().size() + " alerts, all resolved (" + ledger.count(AlertLedger.DRIFT)
                                + " drift, " + ledger.count(AlertLedger.UNREACHABLE) + " unreachable)"));
    }

    /** Drift alerts of the change's router opened after it whose messages name no out-of-band author: "by AUTHOR". */
    private static List<String> blamedOnOthers(
            AlertLedger ledger, OutOfBandChanges.Change c, List<AlertLedger.Alert> restorations) {
        java.time.Instant after = c.at().minusSeconds(1);
        return ledger
                .where(x -> x.name().equals(AlertLedger.DRIFT)
                        && x.router().equals(c.router())
                        && !restorations.contains(x)
                        && !java.time.Instant.parse(x.startsAt()).isBefore(after)
                        && !x.overwriteReport()
                        && x.authors().stream().noneMatch(u -> u.contains("soak-oob-")))
                .stream()
                .map(x -> "'" + x.changedBy() + "' since " + x.startsAt())
                .toList();
    }

    private void routerStates() throws Exception {
        ServeView view = ServeView.read(leader, SoakRun.TOKEN);
        v.check(
                "after the drain: no router drifted, unreachable or unchecked but the quarantined",
                view != null && view.unsettled().isEmpty(),
                view == null
                        ? "serve did not answer GET /api/routers"
                        : firstFew(
                                List.copyOf(view.unsettled()),
                                "serve says " + view.counts() + ", quarantined " + view.quarantined()));
        // the operator's turn: a router a fault (or an out-of-band change racing an apply) left ROLLBACK_FAILED or
        // UNKNOWN_RECONCILED is quarantined by design (issue 13 item 3), so the final apply includes them after
        // "looking" — only a router the soak faulted may be among them
        List<String> quarantined = ci.quarantined("quarantine-before-final");
        List<String> unfaulted =
                quarantined.stream().filter(r -> !phase.everFaulted(r)).toList();
        v.check(
                "only faulted routers quarantined",
                unfaulted.isEmpty(),
                firstFew(
                        unfaulted,
                        quarantined.size() + " quarantined"
                                + (quarantined.isEmpty()
                                        ? ""
                                        : " (" + firstFew(quarantined, "")
                                                + "), each faulted; the final apply includes them")));
        phase.awaitHalfOpenSessionsEnded(fleet.device(0).silentPeerLimit().plusSeconds(5));
        CiRuns.CliRun last =
                quarantined.isEmpty() ? ci.applyAgain("final-apply") : ci.applyIncludingQuarantined("final-apply");
        Map<OutcomeState, Integer> counts =
                last.report() == null ? Map.of() : last.report().counts();
        boolean allGood = last.exit() == 0
                && last.report() != null
                && last.report().routers().size() == s.routers()
                && last.report().routers().stream().allMatch(o -> o.state().success());
        v.check(
                "final CI apply of revision " + ci.revision() + ": every router applied or unchanged",
                allGood,
                "exit " + last.exit() + " " + counts + (last.report() == null ? "" : failed(last)));
        List<String> stillQuarantined = ci.quarantined("quarantine-after-final");
        v.check(
                "no router quarantined after the final apply",
                stillQuarantined.isEmpty(),
                firstFew(stillQuarantined, "none"));
        // serve then sees every router in policy and resolves what stayed open on the quarantined routers
        boolean inPolicy = SoakRun.waitQuietly(
                s.driftPeriod().multipliedBy(2).plusMinutes(2),
                () -> SoakRun.state(leader, "in_policy") == s.routers());
        v.check("serve: every router in policy on the newest revision", inPolicy, "serve says " + states());
        SoakRun.waitQuietly(
                Duration.ofMinutes(1),
                () -> AlertLedger.read(receiver, "/hook").openRouters().isEmpty()
                        && phase.awaited(java.util.Set.of()).isEmpty());
        CiRuns.CliRun drift = ci.drift("final-drift");
        v.check(
                "portcullis drift of the fleet: nothing drifted",
                drift.exit() == 0,
                "exit " + drift.exit() + " (" + processes.log("final-drift") + ")");
    }

    /** The routers the final apply failed on, with the reason; each one's RPC log goes to routers/NAME.rpclog for diagnosis. */
    private String failed(CiRuns.CliRun run) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        java.nio.file.Path dir = s.state().resolve("routers");
        java.nio.file.Files.createDirectories(dir);
        for (var o : run.report().routers()) {
            if (!o.state().success()) {
                out.add(o.router() + " " + o.state() + " " + o.reason());
                var d = fleet.device(o.router());
                List<String> lines = new ArrayList<>(List.of("sessions " + d.sessionCount() + ", locks " + d.locks()
                        + ", confirmed commit pending " + d.confirmedCommitPending()));
                d.rpcLog()
                        .entries()
                        .forEach(e -> lines.add(e.timestamp() + " session " + e.sessionId() + " " + e.username() + " "
                                + e.operation() + " " + e.target() + " " + e.messageId()));
                java.nio.file.Files.write(dir.resolve(o.router() + ".rpclog"), lines);
            }
        }
        return out.isEmpty() ? "" : " — " + String.join("; ", out) + " (RPC logs in " + dir + ")";
    }

    private Map<String, Long> states() {
        String metrics = leader.metrics();
        Map<String, Long> m = new TreeMap<>();
        for (String st : List.of("in_policy", "pending", "drifted", "unreachable", "unchecked")) {
            m.put(
                    st,
                    Math.round(ServeReplica.metric(metrics, "portcullis_routers{state=\"" + st + "\"}")
                            .orElse(-1)));
        }
        return m;
    }

    private void database() throws SQLException, InterruptedException {
        // serve records asynchronously: give it a moment once everything is quiet
        SoakRun.waitQuietly(
                Duration.ofSeconds(30), () -> scalar("SELECT COUNT(*) FROM pcl_run WHERE finished_at IS NULL") == 0);
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            Map<String, Long> started = ci.runs().stream()
                    .collect(Collectors.groupingBy(CiRuns.CliRun::kind, TreeMap::new, Collectors.counting()));
            Map<String, Long> recorded = new TreeMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT kind, COUNT(*) FROM pcl_run WHERE actor = ? GROUP BY kind")) {
                ps.setString(1, CiRuns.ACTOR);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recorded.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            v.check(
                    "database: runs recorded = CLI runs started",
                    started.equals(recorded),
                    "started " + started + ", recorded " + recorded);
            List<String> wrong = new ArrayList<>();
            for (CiRuns.CliRun r : ci.runs()) {
                if (r.report() == null) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT r.exit_code, r.finished_at, (SELECT COUNT(*) FROM pcl_router_run x WHERE x.run_id = r.id) "
                                + "FROM pcl_run r WHERE r.id = ?")) {
                    ps.setString(1, r.report().runId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            wrong.add(r.name() + ": run " + r.report().runId() + " not recorded");
                        } else if (rs.getInt(1) != r.exit()
                                || rs.getTimestamp(2) == null
                                || rs.getLong(3) != r.report().routers().size()) {
                            wrong.add(r.name() + ": recorded exit " + rs.getInt(1) + " (process " + r.exit()
                                    + "), finished " + rs.getTimestamp(2) + ", " + rs.getLong(3)
                                    + " router rows (report "
                                    + r.report().routers().size() + ")");
                        }
                    }
                }
            }
            v.check(
                    "database: every apply's exit code and router rows as its report says",
                    wrong.isEmpty(),
                    firstFew(wrong, "all match"));
            long open = scalar("SELECT COUNT(*) FROM pcl_run WHERE finished_at IS NULL");
            long remediations = scalar("SELECT COUNT(*) FROM pcl_run WHERE kind = 'remediation'");
            long remediationsWithoutRows =
                    scalar("SELECT COUNT(*) FROM pcl_run r WHERE r.kind = 'remediation' AND NOT EXISTS "
                            + "(SELECT 1 FROM pcl_router_run x WHERE x.run_id = r.id)");
            v.check(
                    "database: no run left open, every remediation with its router row",
                    open == 0 && remediationsWithoutRows == 0,
                    open + " open, " + remediations + " remediations (" + remediationsWithoutRows
                            + " without a router row)");
            AlertLedger ledger = AlertLedger.read(receiver, "/hook");
            long delivered = scalar("SELECT COUNT(*) FROM pcl_alert_delivery WHERE sink = 'webhook' AND delivered");
            long failed = scalar("SELECT COUNT(*) FROM pcl_alert_delivery WHERE sink = 'webhook' AND NOT delivered");
            v.check(
                    "database: alert deliveries recorded = webhook posts received",
                    delivered == ledger.accepted(),
                    delivered + " recorded delivered (" + failed + " failed attempts), " + ledger.accepted()
                            + " received");
        }
    }

    private long scalar(String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            out.println("soak: query failed: " + e.getMessage());
            return -1;
        }
    }

    private static String firstFew(List<String> items, String whenEmpty) {
        if (items.isEmpty()) {
            return whenEmpty;
        }
        return items.size() + ": " + String.join("; ", items.subList(0, Math.min(5, items.size())))
                + (items.size() > 5 ? "; …" : "");
    }
}
