package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.alert.Alert;
import io.portcullis.alert.AlertSink;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.cli.CliRun;
import io.portcullis.cli.DbProperties;
import io.portcullis.cli.ExitCodes;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.DriftEvent;
import io.portcullis.store.HistoryRun;
import io.portcullis.store.OverwrittenChange;
import io.portcullis.store.RunStore;
import io.portcullis.store.StoreOpener;
import io.portcullis.testing.LabInventory;
import io.portcullis.testing.OutOfBandEdits;
import io.portcullis.testing.PolicyVariants;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The soak's finding D, end to end on the real CLI, simulated routers of five platforms and a real database (H2 and
 * PostgreSQL): an out-of-band change that nobody checked before the next CI apply overwrote it is found in the run
 * history by serve's audit, alerted once (fired and resolved, "overwritten by apply run X"), kept as a drift event, and
 * never alerted again; applies with nothing out of band between them find nothing, on every platform (what an apply
 * reads before editing is, digest for digest, what the previous apply left).
 */
@Tag("lab")
class OverwriteAuditLabTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aChangeAnApplyOverwroteUnseenIsAlertedOnceAndNothingElseIs(Backend b) throws Exception {
        DbSettings s = b.fresh(dir);
        try (LabFleet fleet = LabFleet.builder()
                        .devices(5)
                        .platforms("junos,iosxr,sros,openconfig,ietf")
                        .start();
                RunStore store = StoreOpener.open(s)) {
            Path inv = LabInventory.write(fleet, dir.resolve("inventory"));
            Path shipped = Path.of("policy").toAbsolutePath();
            Path without2525 = PolicyVariants.without2525(dir.resolve("policy-b"));
            DbProperties.use(s);
            List<Alert> sent = new CopyOnWriteArrayList<>();
            DriftAlerter alerter = new DriftAlerter(List.of(new AlertSink() {
                @Override
                public String name() {
                    return "test";
                }

                @Override
                public void send(Alert alert) {
                    sent.add(alert);
                }
            }));
            OverwriteAudit audit = new OverwriteAudit(store, alerter, r -> true, "test-replica");

            apply(inv, shipped, "ci-first");
            assertThat(audit.run(Instant.now()))
                    .as("the first apply has no earlier run to compare with")
                    .isZero();

            SimDevice changed = fleet.device(1);
            OutOfBandEdits.deleteLastTerm(changed, shipped, inv, "mallory");
            String overwriting = apply(inv, without2525, "ci-second");

            List<OverwrittenChange> found = store.overwrittenChanges(overwriting);
            assertThat(found).extracting(OverwrittenChange::router).containsExactly(changed.name());
            assertThat(found.get(0).digestKnown()).isNotEqualTo(found.get(0).digestBefore());
            assertThat(found.get(0).changes()).isNotEmpty();

            assertThat(audit.run(Instant.now())).isEqualTo(1);
            assertThat(sent)
                    .extracting(a -> a.router() + " " + a.status())
                    .containsExactly(changed.name() + " FIRING", changed.name() + " RESOLVED");
            assertThat(sent.get(0).summary())
                    .contains("apply run " + overwriting.substring(0, 8))
                    .contains("by ci-second")
                    .contains("no check saw it");
            List<DriftEvent> events = store.driftEvents(changed.name(), 10);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).resolvedAt()).isNotNull();

            // audited once: a second audit (a restart, the other replica) alerts nothing
            assertThat(store.unauditedRuns(Instant.now().minusSeconds(3600))).isEmpty();
            assertThat(audit.run(Instant.now())).isZero();
            assertThat(sent).hasSize(2);

            // a new revision with nothing out of band before it: what each router held is what the last apply left
            String clean = apply(inv, shipped, "ci-third");
            assertThat(store.overwrittenChanges(clean)).isEmpty();
            assertThat(audit.run(Instant.now())).isZero();
            assertThat(sent).hasSize(2);
        }
    }

    /** Applies the policy to every router as {@code actor}, all of them changed; returns the run's id. */
    private static String apply(Path inv, Path policy, String actor) {
        CliRun r = CliRun.run(
                "apply",
                "--auto-approve",
                "--inventory",
                inv.toString(),
                "--policy",
                policy.toString(),
                "--actor",
                actor);
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).doesNotContain("could not record");
        CliRun history = CliRun.run("history", "--json", "--kind", "apply", "--limit", "1");
        HistoryRun run = io.portcullis.store.HistoryDocument.fromJson(history.out())
                .runs()
                .get(0);
        assertThat(run.actor()).isEqualTo(actor);
        return run.id();
    }
}
