package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.bench.BenchLogging;
import io.portcullis.lab.LabFleet;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * What recording a run costs: the real {@code portcullis apply} (in-process, {@code --parallel 100}) to N lab routers
 * (default 1,000, five platforms) with recording off, into embedded H2 (a file database, the default) and into the lab
 * PostgreSQL, in the same JVM and the same run. The modes are interleaved round by round (the order rotates), so a
 * load change on the shared machine hits them alike; every measured apply changes every router (the policy alternates
 * between the shipped one and one without TCP/2525), and each recorded run is checked to hold all N routers.
 * The target is under 5 % added wall time (median of the rounds against the median without recording).
 * Run with {@code scripts/bench-store.sh overhead}; {@code -Dbench.routers}, {@code -Dbench.rounds} (default 3),
 * {@code -Dbench.warmups} (unmeasured applies first, default 2).
 */
@Tag("bench")
class RecordingOverheadBenchTest {
    static final int ROUTERS = Integer.getInteger("bench.routers", 1000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WARMUPS = Math.max(1, Integer.getInteger("bench.warmups", 2));
    private static final String PASSWORD = "Overhead-Bench-Lab-Pw-31";

    enum Mode {
        OFF,
        H2,
        POSTGRESQL
    }

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @Test
    void recordingAddsLessThanFivePercentToAnApplyOfAThousandRouters() throws Exception {
        BenchLogging.likeTheProduct();
        Map<Mode, DbSettings> databases = new EnumMap<>(Mode.class);
        databases.put(Mode.H2, Backend.H2.fresh(dir));
        String postgresSkipped = null;
        try {
            databases.put(Mode.POSTGRESQL, Backend.POSTGRESQL.fresh(dir));
        } catch (TestAbortedException e) {
            postgresSkipped = e.getMessage();
        }
        List<Mode> modes = new ArrayList<>(List.of(Mode.OFF, Mode.H2));
        if (databases.containsKey(Mode.POSTGRESQL)) {
            modes.add(Mode.POSTGRESQL);
        }
        Path[] policies = {
            Path.of("policy").toAbsolutePath(),
            io.portcullis.testing.PolicyVariants.without2525(dir.resolve("policy-b"))
        };
        try (LabFleet fleet = LabFleet.builder()
                .devices(ROUTERS)
                .platforms("junos,iosxr,sros,openconfig,ietf")
                .portBase(0)
                .password(PASSWORD)
                .start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));

            // migrate both databases first (once, as on a first use) so that no measured run pays for the schema
            for (DbSettings s : databases.values()) {
                io.portcullis.store.StoreOpener.open(s).close();
            }
            // warm-up (not measured): class loading, the policy's YANG schema, JIT; leaves every router on policy 0.
            // Two by default: after one, the first measured rounds still ran 30-60 % slower than the last (the JIT was
            // still compiling), whichever mode they measured (2026-12-06 20:45)
            DbProperties.off();
            for (int w = WARMUPS; w > 0; w--) {
                apply(inv, policies[(w - 1) % 2], "warm-up"); // the last one: policy 0
            }

            Map<Mode, List<Double>> wall = new LinkedHashMap<>();
            Map<Mode, List<Double>> cpu = new LinkedHashMap<>();
            // the lab PostgreSQL runs on the same cores as the CLI and the simulated routers: its CPU is part of the
            // cost
            Map<Mode, List<Double>> server = new LinkedHashMap<>();
            int runNo = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < modes.size(); k++) {
                    Mode m = modes.get((round + k) % modes.size());
                    if (m == Mode.OFF) {
                        DbProperties.off();
                    } else {
                        DbProperties.use(databases.get(m));
                    }
                    runNo++;
                    Path policy = policies[runNo % 2];
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    long cpu0 = processCpuNanos();
                    double server0 = postgresCpuSeconds();
                    long t0 = System.nanoTime();
                    CliRun r = apply(inv, policy, m + " round " + (round + 1));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                    double serverSeconds = postgresCpuSeconds() - server0;
                    assertThat(r.err()).as(m + ": " + r.err()).doesNotContain("could not record");
                    wall.computeIfAbsent(m, x -> new ArrayList<>()).add(seconds);
                    cpu.computeIfAbsent(m, x -> new ArrayList<>()).add(cpuSeconds);
                    server.computeIfAbsent(m, x -> new ArrayList<>()).add(serverSeconds);
                    System.out.printf(
                            "BENCH overhead run %d (round %d, %s): apply of %d routers %.1f s wall, %.1f s process CPU,"
                                    + " %.2f s PostgreSQL server CPU, load %.1f%n",
                            runNo, round + 1, m, ROUTERS, seconds, cpuSeconds, serverSeconds, load);
                }
            }
            for (Mode m : modes) {
                if (m != Mode.OFF) {
                    DbSettings s = databases.get(m);
                    assertThat(count(s, "SELECT COUNT(*) FROM pcl_run WHERE kind = 'apply' AND exit_code = 0"))
                            .as(m + " runs")
                            .isEqualTo(ROUNDS);
                    assertThat(count(s, "SELECT COUNT(*) FROM pcl_router_run WHERE state = 'APPLIED'"))
                            .as(m + " router rows")
                            .isEqualTo((long) ROUNDS * ROUTERS);
                }
            }
            double off = median(wall.get(Mode.OFF));
            double offCpu = median(cpu.get(Mode.OFF));
            System.out.printf(
                    "BENCH overhead without recording: median %.1f s wall, %.1f s CPU (%s)%n",
                    off, offCpu, wall.get(Mode.OFF));
            for (Mode m : modes) {
                if (m != Mode.OFF) {
                    double with = median(wall.get(m));
                    System.out.printf(
                            "BENCH overhead recording into %s: median %.1f s wall (%s) → %+.1f %% wall; CPU %.1f s → %+.1f %%;"
                                    + " PostgreSQL server CPU %.2f s (without recording %.2f s)%n",
                            m,
                            with,
                            wall.get(m),
                            (with / off - 1) * 100,
                            median(cpu.get(m)),
                            (median(cpu.get(m)) / offCpu - 1) * 100,
                            median(server.get(m)),
                            median(server.get(Mode.OFF)));
                }
            }
            if (postgresSkipped != null) {
                System.out.println("BENCH overhead PostgreSQL not measured: " + postgresSkipped);
            }
            for (Mode m : modes) {
                if (m != Mode.OFF) {
                    assertThat(median(wall.get(m)) / off)
                            .as("median wall time with recording into " + m + " / without")
                            .isLessThan(1.05);
                }
            }
        } finally {
            DbProperties.clear();
            databases.forEach((m, s) -> (m == Mode.POSTGRESQL ? Backend.POSTGRESQL : Backend.H2).drop(s));
        }
    }

    private CliRun apply(Path inv, Path policy, String what) {
        CliRun r = CliRun.run(
                "apply",
                "--auto-approve",
                "--inventory",
                inv.toString(),
                "--policy",
                policy.toString(),
                "--parallel",
                "100",
                "--confirm-timeout",
                "300",
                "--journal",
                dir.resolve("journal").toString(),
                "--actor",
                "bench");
        assertThat(r.exit())
                .as(what + ": "
                        + r.all()
                                .lines()
                                .filter(l -> !l.contains(": APPLIED"))
                                .limit(20)
                                .toList())
                .isEqualTo(ExitCodes.OK);
        assertThat(r.out()).as(what).contains(ROUTERS + " applied");
        return r;
    }

    /**
     * CPU seconds used so far by every process named postgres this user can read (the lab cluster's server and its
     * backends; 0 when there is none or /proc is not Linux's), from {@code /proc/PID/stat} in clock ticks of 1/100 s
     * (Linux's USER_HZ on every architecture).
     */
    private static double postgresCpuSeconds() {
        double ticks = 0;
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    // fields 14-17: utime, stime, and cutime, cstime of children reaped: a backend that ended with its
                    // connection (the CLI closes its pool at the end of a run) is counted in the postmaster's
                    for (int i = 11; i <= 14; i++) {
                        ticks += Long.parseLong(f[i]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended between the listing and the read
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks / 100.0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static long count(DbSettings s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(s.url(), s.username(), s.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
