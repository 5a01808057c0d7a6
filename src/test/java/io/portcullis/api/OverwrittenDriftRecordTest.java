package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.store.Backend;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.DriftEvent;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.HistoryRun;
import io.portcullis.store.JdbcRunStore;
import io.portcullis.store.TestDatabase;
import io.portcullis.store.What;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Someone else's change overwritten by an apply within the settle time (DriftMonitor alerts and resolves it at once):
 * the run history keeps it as a drift event with its author, opened and resolved by the notification's check run, on
 * H2 and PostgreSQL.
 */
class OverwrittenDriftRecordTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;

    private TestDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theOverwrittenDriftIsADriftEventWithItsAuthorOpenedAndResolved(Backend b) {
        db = TestDatabase.open(b, tmp);
        BufferedRunStore store = db.closing(new BufferedRunStore(
                () -> new JdbcRunStore(db.dataSource(), null, "test"), 1000, Duration.ofMillis(50)));
        ServiceRecorder recorder = new ServiceRecorder(
                store, new DriftMonitor.Listener() {}, new What(null, "sha256:p", "sha256:i", null), null);
        RouterStatus.Revisions rev = new RouterStatus.Revisions("3f2a9c1d07be", null, null);
        DriftEntry drift = new DriftEntry(
                "r1",
                "junos",
                "drift",
                "sha256:feed",
                List.of("filter ACCESS-SUBSCRIBERS: term block-smtp changed"),
                List.of("TCP/2525 toward subscribers (ipv4): dropped → forwarded"),
                null,
                null,
                null);
        DriftEntry inSync = new DriftEntry("r1", "junos", "in-sync", null, List.of(), List.of(), null, null, null);

        // as DriftMonitor.checkOne reports it: the drift as first seen, then the state after the settle time
        recorder.overwritten(new RouterStatus(
                "r1", "junos", drift, T0, 30, "notification", rev, "alice (session 7 from 192.0.2.9)"));
        recorder.checked(new RouterStatus("r1", "junos", inSync, T0.plusMillis(1500), 25, "notification", rev, null));
        assertThat(store.flush(Duration.ofSeconds(20))).isTrue();

        List<DriftEvent> events = store.driftEvents("r1", 10);
        assertThat(events).hasSize(1);
        DriftEvent e = events.get(0);
        assertThat(e.fingerprint()).isEqualTo("sha256:feed");
        assertThat(e.changedBy()).isEqualTo("alice (session 7 from 192.0.2.9)");
        assertThat(e.summary()).contains("overwritten by an apply in progress");
        assertThat(e.impact()).containsExactly("TCP/2525 toward subscribers (ipv4): dropped → forwarded");
        assertThat(e.openedAt()).isEqualTo(T0);
        assertThat(e.resolvedAt()).as("resolved by the same check").isEqualTo(T0.plusMillis(1500));
        HistoryRun run =
                store.history(new HistoryQuery("r1", "drift-check", null, 5)).get(0);
        assertThat(e.openedByRun()).as("the notification's check run").isEqualTo(run.id());
        assertThat(db.rows("SELECT resolved_by_run FROM pcl_drift_event")).containsExactly(run.id());
        assertThat(store.driftEvents(null, 10)).as("nothing left open").isEmpty();
    }
}
