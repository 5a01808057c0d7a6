package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryRun;
import io.portcullis.store.RouterRecord;
import io.portcullis.store.RunStart;
import io.portcullis.store.RunStore;
import io.portcullis.store.StoreOpener;
import io.portcullis.store.What;
import io.portcullis.store.Who;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code portcullis history} over both real back ends: lines newest first, filters, one run, and the JSON round trip. */
class HistoryCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsFiltersShowsOneRunAndRoundTripsJson(Backend b) {
        DbSettings s = b.fresh(tmp);
        try {
            Instant t = Instant.parse("2026-12-01T08:00:00Z");
            try (RunStore store = StoreOpener.open(s)) {
                store.beginRun(new RunStart(
                        "11111111-aaaa-4000-8000-000000000001",
                        "plan",
                        t,
                        "0.1.0",
                        new Who("alice", "alice", null, Map.of()),
                        new What(null, "sha256:abcdef0123456789", "sha256:inv", null),
                        Map.of()));
                store.recordRouter(
                        "11111111-aaaa-4000-8000-000000000001",
                        new RouterRecord(
                                "bng-a",
                                "junos",
                                "CHANGES",
                                null,
                                List.of("term deny-snmp missing"),
                                List.of("UDP/161 toward subscribers (ipv4): forwarded → dropped"),
                                "sha256:1",
                                null,
                                null,
                                null,
                                5,
                                t));
                store.finishRun("11111111-aaaa-4000-8000-000000000001", t.plusSeconds(3), 2, null);
                store.beginRun(new RunStart(
                        "22222222-bbbb-4000-8000-000000000002",
                        "apply",
                        t.plusSeconds(600),
                        "0.1.0",
                        new Who(
                                "jdoe",
                                "runner",
                                null,
                                Map.of("system", "gitlab", "pipelineUrl", "https://gitlab.example/p/-/pipelines/7")),
                        new What(
                                "8aa37f8aa37f8aa37f8aa37f8aa37f8aa37f8aa3",
                                "sha256:abcdef0123456789",
                                "sha256:inv",
                                "sha256:plan"),
                        Map.of("canary", "1")));
                store.recordRouter(
                        "22222222-bbbb-4000-8000-000000000002",
                        new RouterRecord(
                                "bng-a",
                                "junos",
                                "APPLIED",
                                null,
                                List.of("term deny-snmp added"),
                                List.of("UDP/161 toward subscribers (ipv4): forwarded → dropped"),
                                "sha256:1",
                                "sha256:2",
                                "{}",
                                null,
                                800,
                                t.plusSeconds(601)));
                store.recordRouter(
                        "22222222-bbbb-4000-8000-000000000002",
                        new RouterRecord(
                                "bng-b",
                                "iosxr",
                                "FAILED_NOT_APPLIED",
                                "LOCKED_BY",
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null,
                                "bng-b is locked by session 7",
                                900,
                                t.plusSeconds(602)));
                store.finishRun("22222222-bbbb-4000-8000-000000000002", t.plusSeconds(620), 1, null);
            }
            DbProperties.use(s);

            CliRun list = CliRun.run("history");
            assertThat(list.exit()).as(list.all()).isZero();
            List<String> lines = list.out().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0))
                    .startsWith("22222222")
                    .contains("apply", "jdoe", "8aa37f8aa", "exit 1", "1 applied", "1 failed-not-applied");
            assertThat(lines.get(1))
                    .startsWith("11111111")
                    .contains("plan", "alice", "abcdef012", "exit 2", "1 changes");

            assertThat(CliRun.run("history", "--router", "bng-b").out().lines())
                    .hasSize(1)
                    .allMatch(l -> l.startsWith("22222222"));
            assertThat(CliRun.run("history", "--kind", "plan").out().lines())
                    .hasSize(1)
                    .allMatch(l -> l.startsWith("11111111"));
            assertThat(CliRun.run("history", "--since", "2026-12-02").out()).startsWith("No runs recorded that match");

            CliRun one = CliRun.run("history", "22222222");
            assertThat(one.exit()).as(one.all()).isZero();
            assertThat(one.out())
                    .contains(
                            "bng-a (junos): APPLIED",
                            "term deny-snmp added",
                            "bng-b (iosxr): FAILED_NOT_APPLIED (LOCKED_BY)",
                            "https://gitlab.example/p/-/pipelines/7",
                            "revision 8aa37f8aa37f8aa37f8aa37f8aa37f8aa37f8aa3");

            CliRun json = CliRun.run("history", "--json");
            assertThat(json.exit()).as(json.all()).isZero();
            HistoryDocument doc = HistoryDocument.fromJson(json.out());
            assertThat(doc.format()).isEqualTo("portcullis-history/1");
            HistoryRun apply = doc.runs().get(0);
            assertThat(apply.id()).isEqualTo("22222222-bbbb-4000-8000-000000000002");
            assertThat(apply.actor()).isEqualTo("jdoe");
            assertThat(apply.ci()).containsEntry("system", "gitlab");
            assertThat(apply.policyRevision()).isEqualTo("8aa37f8aa37f8aa37f8aa37f8aa37f8aa37f8aa3");
            assertThat(apply.startedAt()).isEqualTo(t.plusSeconds(600));
            assertThat(apply.finishedAt()).isEqualTo(t.plusSeconds(620));
            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(apply.routers())
                    .extracting(HistoryRun.Router::router, HistoryRun.Router::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("bng-a", "APPLIED"),
                            org.assertj.core.groups.Tuple.tuple("bng-b", "FAILED_NOT_APPLIED"));
            assertThat(apply.routers().get(0).impact())
                    .containsExactly("UDP/161 toward subscribers (ipv4): forwarded → dropped");
            assertThat(json.out()).contains("\"startedAt\" : \"2026-12-01T08:10:00Z\"");

            assertThat(CliRun.run("history", "nosuchrun").exit()).isEqualTo(ExitCodes.ERROR);
            assertThat(CliRun.run("history", "--since", "yesterday").exit()).isEqualTo(ExitCodes.USAGE);
        } finally {
            b.drop(s);
        }
    }
}
