package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.store.Backend;
import io.portcullis.store.BufferedRunStore;
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
 * History growth under serve (issue 9) on H2 and PostgreSQL: a scheduled full check records no router row for a
 * router whose state is as its last recorded check found it, and one row for a router that changed; the run row still
 * says the check happened and how many routers it checked and left out; every other check (start-up, API) records
 * every router.
 */
class PeriodicCheckRowsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;

    private TestDatabase db;
    private BufferedRunStore store;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void unchangedRoutersOfAScheduledCheckAddNoRowsAndAChangedOneDoes(Backend b) {
        db = TestDatabase.open(b, tmp);
        store = db.closing(new BufferedRunStore(
                () -> new JdbcRunStore(db.dataSource(), null, "test"), 1000, Duration.ofMillis(50)));
        ServiceRecorder recorder = new ServiceRecorder(
                store, new DriftMonitor.Listener() {}, new What(null, "sha256:p", "sha256:i", null), null);

        recorder.fullCheck("startup", T0, fleet(0, false));
        assertThat(routerRows()).as("the first check records every router").isEqualTo(3);

        recorder.fullCheck("schedule", T0.plusSeconds(300), fleet(300, false));
        recorder.fullCheck("schedule", T0.plusSeconds(600), fleet(600, false));
        assertThat(routerRows())
                .as("two scheduled checks that found nothing new add no router rows")
                .isEqualTo(3);
        assertThat(db.count("SELECT COUNT(*) FROM pcl_run WHERE kind = 'drift-check'"))
                .as("each check is still a run")
                .isEqualTo(3);

        recorder.fullCheck("schedule", T0.plusSeconds(900), fleet(900, true));
        assertThat(routerRows()).as("the router that drifted is recorded").isEqualTo(4);
        HistoryRun drifted =
                store.history(new HistoryQuery(null, "drift-check", null, 1)).get(0);
        assertThat(drifted.counts()).containsExactlyEntriesOf(java.util.Map.of("DRIFT", 1));
        assertThat(drifted.routersChecked()).isEqualTo(3);
        assertThat(drifted.routersUnchanged()).isEqualTo(2);
        assertThat(drifted.exitCode())
                .as("an unreachable router makes it 1, as before")
                .isEqualTo(1);
        assertThat(store.run(drifted.id()).orElseThrow().routers())
                .extracting(HistoryRun.Router::router)
                .containsExactly("r2");

        recorder.fullCheck("schedule", T0.plusSeconds(1200), fleet(1200, true));
        assertThat(routerRows()).as("still drifted the same way: nothing new").isEqualTo(4);
        recorder.fullCheck("schedule", T0.plusSeconds(1500), fleet(1500, false));
        assertThat(routerRows()).as("back in policy: recorded").isEqualTo(5);
        assertThat(db.rows("SELECT state FROM pcl_router_run WHERE router = 'r2' ORDER BY run_started_at"))
                .containsExactly("IN_SYNC", "DRIFT", "IN_SYNC");

        recorder.fullCheck("api", T0.plusSeconds(1600), fleet(1600, false));
        assertThat(routerRows())
                .as("a check someone asked for records every router")
                .isEqualTo(8);
        HistoryRun api =
                store.history(new HistoryQuery(null, "drift-check", null, 1)).get(0);
        assertThat(api.routersChecked()).isEqualTo(3);
        assertThat(api.routersUnchanged()).isZero();
        assertThat(db.rows("SELECT routers_unchanged FROM pcl_run WHERE kind = 'drift-check' ORDER BY started_at"))
                .containsExactly("0", "3", "3", "2", "3", "2", "0");
    }

    private long routerRows() {
        assertThat(store.flush(Duration.ofSeconds(20)))
                .as("queued writes written")
                .isTrue();
        return db.count("SELECT COUNT(*) FROM pcl_router_run");
    }

    /** Three routers checked {@code at} seconds after T0: r1 in policy, r2 in policy or drifted, r3 unreachable. */
    private List<RouterStatus> fleet(int at, boolean r2Drifted) {
        Instant when = T0.plusSeconds(at);
        RouterStatus.Revisions rev = new RouterStatus.Revisions("3f2a9c1d07be", null, null);
        DriftEntry inSync = new DriftEntry("r2", "junos", "in-sync", null, List.of(), List.of(), null, null, null);
        DriftEntry drift = new DriftEntry(
                "r2",
                "junos",
                "drift",
                "sha256:feed",
                List.of("filter ACCESS-SUBSCRIBERS: term block-smtp missing"),
                List.of("TCP/25 toward subscribers (ipv4): dropped → forwarded"),
                null,
                null,
                null);
        return List.of(
                new RouterStatus(
                        "r1",
                        "junos",
                        new DriftEntry("r1", "junos", "in-sync", null, List.of(), List.of(), null, null, null),
                        when,
                        10 + at % 7, // the check's length and time differ every time: not a change
                        "schedule",
                        rev,
                        null),
                new RouterStatus("r2", "junos", r2Drifted ? drift : inSync, when, 12, "schedule", rev, null),
                new RouterStatus(
                        "r3",
                        "iosxr",
                        new DriftEntry(
                                "r3",
                                "iosxr",
                                "error",
                                null,
                                List.of(),
                                List.of(),
                                null,
                                "UNREACHABLE",
                                "connection refused"),
                        when,
                        5000,
                        "schedule",
                        null,
                        null));
    }
}
