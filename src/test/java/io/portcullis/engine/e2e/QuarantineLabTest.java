package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.cli.CommandLines;
import io.portcullis.cli.DbProperties;
import io.portcullis.engine.Engine;
import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.guard.Guards;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Issue 13 item 3 on lab routers with injected faults, quarantine kept in H2 and PostgreSQL: a router a run leaves
 * ROLLBACK_FAILED is quarantined; the next run does not contact it (and fails); {@code quarantine list} shows it and
 * {@code quarantine release} lets the next run apply it; {@code --include-quarantined} applies one and releases it.
 */
@Tag("lab")
class QuarantineLabTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRouterLeftRollbackFailedIsQuarantinedSkippedListedAndReleased(Backend backend) throws Exception {
        DbSettings db = backend.fresh(tmp);
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2);
                Guards.Opened g = Guards.open(db, "alice")) {
            SimDevice d = lab.fleet().device(0);
            d.faults().failValidate("/acl", "injected validation failure").failDiscardWithRollbackFailed();
            Engine engine = lab.engine().withGuard(g.guard());
            RunReport first =
                    engine.apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
            RouterOutcome o = first.routers().get(0);
            assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.ROLLBACK_FAILED);
            assertThat(o.message())
                    .contains("is now quarantined")
                    .contains("portcullis quarantine release " + d.name());
            Quarantine q = g.guard().memory().quarantine(d.name()).orElseThrow();
            assertThat(q.state()).isEqualTo("ROLLBACK_FAILED");
            assertThat(q.runId()).isEqualTo(first.runId());
            assertThat(q.actor()).isEqualTo("alice");

            // the router is fixed by hand (the fault is gone), but nobody released it yet: not contacted, the run fails
            d.faults().clear();
            d.rpcLog().clear();
            RunReport second =
                    engine.apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
            RouterOutcome skipped = second.routers().get(0);
            assertThat(skipped.state()).isEqualTo(OutcomeState.NOT_CONTACTED);
            assertThat(skipped.reason()).isEqualTo("QUARANTINED");
            assertThat(skipped.message())
                    .contains("quarantined since")
                    .contains(first.runId())
                    .contains("ROLLBACK_FAILED");
            assertThat(d.rpcLog().size()).as("not even a session").isZero();
            assertThat(second.routers().get(1).state()).isEqualTo(OutcomeState.NO_CHANGE);
            assertThat(second.success())
                    .as("a run that skipped a quarantined router fails")
                    .isFalse();

            DbProperties.use(db);
            try {
                Cli list = cli("quarantine", "list");
                assertThat(list.exit).isEqualTo(1);
                assertThat(list.out)
                        .contains(d.name() + "  ROLLBACK_FAILED")
                        .contains("run " + first.runId() + " by alice");
                Cli release = cli("quarantine", "release", d.name());
                assertThat(release.exit).as(release.err).isZero();
                assertThat(release.out).contains(d.name() + " released");
                Cli again = cli("quarantine", "release", d.name());
                assertThat(again.exit).isEqualTo(1);
                assertThat(again.err).contains("is not quarantined");
                assertThat(cli("quarantine", "list").out).contains("No router is quarantined");
            } finally {
                DbProperties.clear();
            }
            RunReport third =
                    engine.apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
            assertThat(third.routers().get(0).state())
                    .as(third.routers().get(0).message())
                    .isEqualTo(OutcomeState.APPLIED);
            assertThat(third.success()).isTrue();
        } finally {
            backend.drop(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void includeQuarantinedAppliesTheRouterAndReleasesItOnceProven(Backend backend) throws Exception {
        DbSettings db = backend.fresh(tmp);
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1);
                Guards.Opened g = Guards.open(db, "alice")) {
            SimDevice d = lab.fleet().device(0);
            g.guard()
                    .memory()
                    .quarantine(new Quarantine(
                            d.name(),
                            io.portcullis.engine.memory.RouterLocks.key(
                                    lab.targets().get(0).device()),
                            "UNKNOWN_RECONCILED",
                            "UNKNOWN: injected",
                            "run-0",
                            "bob",
                            Instant.now()));
            RunReport r = lab.engine()
                    .withGuard(g.guard().includingQuarantined(true))
                    .apply(lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE);
            RouterOutcome o = r.routers().get(0);
            assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.APPLIED);
            assertThat(o.message()).contains("quarantine was released");
            assertThat(g.guard().memory().quarantined()).isEmpty();
        } finally {
            backend.drop(db);
        }
    }

    record Cli(int exit, String out, String err) {}

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine c = CommandLines.create(null);
        c.setOut(new PrintWriter(out, true));
        c.setErr(new PrintWriter(err, true));
        int exit = c.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
