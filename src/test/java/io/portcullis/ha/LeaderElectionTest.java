package io.portcullis.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leader election on the real PostgreSQL (skipped with the reason when the lab cluster is not running): two
 * elections on one database and schema, exactly one leads and the other names it; the leader's session
 * terminated by the server (pg_terminate_backend, as a dead leader's is) → the other leads within the poll
 * interval and the old one steps down; a second installation (another schema) elects its own leader; closing the
 * leader hands over at the follower's next poll.
 */
class LeaderElectionTest {
    private static final Duration POLL = Duration.ofMillis(500);

    @TempDir
    Path tmp;

    private final List<LeaderElection> elections = new CopyOnWriteArrayList<>();
    private final List<DbSettings> schemas = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        elections.forEach(LeaderElection::close);
        schemas.forEach(Backend.POSTGRESQL::drop);
    }

    /** An election and what its listener heard ("elected" / "deposed"), in order. */
    private record Replica(LeaderElection election, List<String> heard) {}

    private Replica replica(DbSettings db, String name) {
        LeaderElection e = new LeaderElection(db, name, POLL);
        elections.add(e);
        List<String> heard = new CopyOnWriteArrayList<>();
        e.start(new Election.Listener() {
            @Override
            public void elected() {
                heard.add("elected");
            }

            @Override
            public void deposed() {
                heard.add("deposed");
            }
        });
        return new Replica(e, heard);
    }

    private DbSettings schema() {
        DbSettings s = Backend.POSTGRESQL.fresh(tmp);
        schemas.add(s);
        return s;
    }

    @Test
    void exactlyOneOfTwoLeadsAndTheOtherTakesOverWhenTheLeadersSessionDies() throws Exception {
        DbSettings db = schema();
        // names of their own: pg_stat_activity is cluster-wide, and other tests' replicas (TwoReplicasTest's replica-a,
        // run by another build on the same lab cluster) must not be terminated or counted here
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        Replica a = replica(db, "replica-a-" + suffix);
        Replica b = replica(db, "replica-b-" + suffix);
        waitUntil(() -> a.election().leading() || b.election().leading(), Duration.ofSeconds(10));
        Thread.sleep(POLL.toMillis() * 3); // several rounds: the follower keeps failing to take the lock
        assertThat(a.election().leading() ^ b.election().leading())
                .as("exactly one leads")
                .isTrue();
        Replica leader = a.election().leading() ? a : b;
        Replica follower = leader == a ? b : a;
        waitUntil(() -> follower.election().leader().isPresent(), Duration.ofSeconds(5));
        assertThat(follower.election().leader())
                .as("the follower names the leader")
                .contains(leader.election().replica());
        assertThat(leader.heard()).containsExactly("elected");
        assertThat(follower.heard()).isEmpty();

        int killed = terminateSessionOf(db, leader.election().replica());
        assertThat(killed).isEqualTo(1);
        long t0 = System.nanoTime();
        // the follower polls at once and again until the ended session's lock is free (the server releases it a few
        // milliseconds after pg_terminate_backend). Left to their schedules, the two replicas race: a leader that
        // reaches the database again before anyone took the lock takes it back and goes on leading, by design (a
        // database restart must not cause a step-down), and then the follower never takes over (CI, 2026-12-06 22:25)
        waitUntil(
                () -> {
                    follower.election().poll();
                    return follower.election().leading();
                },
                Duration.ofSeconds(10));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        // one poll interval plus the time a loaded 2-core machine needs to run it
        assertThat(tookMs).as("take-over time").isLessThan(POLL.toMillis() + 2_000);
        waitUntil(() -> !leader.election().leading(), Duration.ofSeconds(5));
        assertThat(leader.heard()).containsExactly("elected", "deposed");
        assertThat(follower.heard()).containsExactly("elected");
        Thread.sleep(POLL.toMillis() * 4); // the old leader contends again and loses
        assertThat(follower.election().leading()).isTrue();
        assertThat(leader.election().leading()).isFalse();
        assertThat(leader.election().leader()).contains(follower.election().replica());
    }

    @Test
    void anotherSchemaElectsItsOwnLeaderAndClosingTheLeaderHandsOver() throws Exception {
        DbSettings one = schema();
        DbSettings two = schema();
        Replica a = replica(one, "one-a");
        Replica x = replica(two, "two-x");
        waitUntil(() -> a.election().leading() && x.election().leading(), Duration.ofSeconds(10));
        Replica b = replica(one, "one-b");
        waitUntil(() -> b.election().leader().isPresent(), Duration.ofSeconds(5));
        assertThat(b.election().leader()).contains("one-a");
        a.election().close();
        assertThat(a.heard()).containsExactly("elected", "deposed");
        waitUntil(() -> b.election().leading(), Duration.ofSeconds(5));
        assertThat(x.election().leading()).isTrue();
    }

    /** What a dead leader looks like to the server: its session ends. Returns how many sessions were ended. */
    private static int terminateSessionOf(DbSettings db, String replica) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'portcullis "
                                + replica + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + max).isLessThan(until);
            Thread.sleep(20);
        }
    }
}
