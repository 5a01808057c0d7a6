package io.portcullis.soak;

import io.portcullis.engine.report.OutcomeState;
import io.portcullis.testing.PortcullisProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CI pipeline does, through the packaged CLI: merge a new policy revision, then either {@code apply
 * --auto-approve} (keep or two-phase revert) or {@code plan --out} followed by {@code apply --plan}. Every CLI process
 * is counted by kind, so the database can be checked for one recorded run per run started.
 */
final class CiRuns {
    static final String ACTOR = "soak-ci";
    /** {@code quarantine list}'s line for one router: {@code NAME  STATE  since INSTANT  run …}. */
    private static final Pattern QUARANTINE_LINE =
            Pattern.compile("^(\\S+)  (ROLLBACK_FAILED|UNKNOWN_RECONCILED|RECOVERY_FAILED)  since ");

    private static final String REVISED_LINE = "description: no SNMP toward subscriber CPEs";

    /**
     * One CLI process: its kind (apply, plan, drift), exit code, for applies the report it wrote, and when the process
     * started and ended (what {@link Collisions} compares out-of-band changes with).
     */
    record CliRun(
            String name, String kind, int exit, ApplyDocument report, double seconds, Instant started, Instant ended) {}

    private final PortcullisProcess processes;
    private final Path policy;
    private final Path inventory;
    private final Path work;
    private final int parallel;
    private final int maxFailures;
    private final List<CliRun> runs = new CopyOnWriteArrayList<>();
    private final String original;
    private int revision;

    CiRuns(PortcullisProcess processes, Path policy, Path inventory, Path work, int parallel, int maxFailures)
            throws IOException {
        this.processes = processes;
        this.policy = policy;
        this.inventory = inventory;
        this.work = work;
        this.parallel = parallel;
        this.maxFailures = maxFailures;
        Files.createDirectories(work);
        original = Files.readString(policyFile());
        if (!original.contains(REVISED_LINE)) {
            throw new IllegalStateException(policyFile() + " lacks the line the soak revises: " + REVISED_LINE);
        }
    }

    /** The next CI pipeline: a new revision merged, applied one of three ways (by turns). */
    CliRun nextRevision() throws IOException, InterruptedException {
        revision++;
        String text = original.replace(REVISED_LINE, REVISED_LINE + " (soak revision " + revision + ")");
        Path tmp = policyFile().resolveSibling(".soak-revision.tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, policyFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return switch (revision % 3) {
            case 1 -> apply("r" + revision + "-apply", List.of("--auto-approve"));
            case 2 -> {
                Path plan = work.resolve("r" + revision + ".plan.json");
                CliRun p = cli(
                        "r" + revision + "-plan",
                        "plan",
                        List.of("plan", "--out", plan.toString(), "--parallel", "" + parallel),
                        null);
                yield p.exit() > 2 || !Files.isRegularFile(plan)
                        ? p
                        : apply("r" + revision + "-apply-plan", List.of("--plan", plan.toString()));
            }
            default -> apply("r" + revision + "-apply-revert", List.of("--auto-approve", "--on-failure", "revert"));
        };
    }

    /** {@code apply --auto-approve} of the revision on disk, as a pipeline retrying a failed job would. */
    CliRun applyAgain(String name) throws IOException, InterruptedException {
        return apply(name, List.of("--auto-approve"));
    }

    /**
     * {@code apply --auto-approve --include-quarantined}: the operator has looked at the routers the faults left quarantined
     * and lets this run prove them (a router proven by it is released, one that fails stays quarantined).
     */
    CliRun applyIncludingQuarantined(String name) throws IOException, InterruptedException {
        return apply(name, List.of("--auto-approve", "--include-quarantined"));
    }

    /**
     * {@code portcullis quarantine list}: the routers apply skips until a person releases them, as the list prints them
     * (one line each, starting with the router's name and the state the run left it in).
     *
     * @throws IllegalStateException when the list cannot be read (exit 1 without a router line, or any other exit)
     */
    List<String> quarantined(String name) throws IOException, InterruptedException {
        Process p = processes.start(name, List.of("quarantine", "list"), List.of(), List.of("-Xmx256m"));
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            p.waitFor();
        }
        List<String> routers = Files.readAllLines(processes.log(name)).stream()
                .map(QUARANTINE_LINE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
        if (p.exitValue() == 0 && routers.isEmpty() || p.exitValue() == 1 && !routers.isEmpty()) {
            return routers;
        }
        throw new IllegalStateException("portcullis quarantine list exited " + p.exitValue() + " listing " + routers
                + " (" + processes.log(name) + ")");
    }

    /** {@code drift --json} of the whole fleet against the revision on disk; its output is in the run's log. */
    CliRun drift(String name) throws IOException, InterruptedException {
        return cli(name, "drift", List.of("drift", "--json", "--parallel", "" + parallel), null);
    }

    private CliRun apply(String name, List<String> how) throws IOException, InterruptedException {
        Path report = work.resolve(name + ".report.json");
        List<String> args = new ArrayList<>(List.of(
                "apply",
                "--parallel",
                "" + parallel,
                "--max-failures",
                "" + maxFailures,
                "--confirm-timeout",
                "60",
                "--journal",
                work.resolve("journal").toString(),
                "--report",
                report.toString()));
        args.addAll(how);
        return cli(name, "apply", args, report);
    }

    private CliRun cli(String name, String kind, List<String> args, Path report)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(
                "--policy", policy.toString(), "--inventory", inventory.toString(), "--actor", ACTOR, "--no-color"));
        if (report != null) {
            // the state directory outlives a soak: a report left by an earlier one must not stand in for this run's
            Files.deleteIfExists(report);
        }
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        Process p = processes.start(name, all, List.of(), List.of("-Xmx768m"));
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            p.waitFor();
        }
        ApplyDocument r = report != null && Files.isRegularFile(report) ? ApplyDocument.read(report) : null;
        CliRun run = new CliRun(name, kind, p.exitValue(), r, (System.nanoTime() - t0) / 1e9, started, Instant.now());
        runs.add(run);
        return run;
    }

    List<CliRun> runs() {
        return List.copyOf(runs);
    }

    int revision() {
        return revision;
    }

    /** Final router states over every apply report. */
    Map<OutcomeState, Integer> outcomes() {
        Map<OutcomeState, Integer> m = new EnumMap<>(OutcomeState.class);
        for (CliRun r : runs) {
            if (r.report() != null) {
                r.report().routers().forEach(o -> m.merge(o.state(), 1, Integer::sum));
            }
        }
        return m;
    }

    /** A router an apply left ROLLBACK_FAILED, and that apply. */
    record Unverified(CliRun run, ApplyDocument.Outcome outcome) {
        @Override
        public String toString() {
            return run.name() + ": " + outcome.router() + " " + outcome.state() + " " + outcome.reason();
        }
    }

    /**
     * Outcomes that leave a router for a human: ROLLBACK_FAILED. No injected fault breaks a rollback; an out-of-band
     * change racing the apply's own revert on that router can ({@link Collisions}).
     */
    List<Unverified> unverified() {
        List<Unverified> out = new ArrayList<>();
        for (CliRun r : runs) {
            if (r.report() != null) {
                for (ApplyDocument.Outcome o : r.report().routers()) {
                    if (o.state() == OutcomeState.ROLLBACK_FAILED) {
                        out.add(new Unverified(r, o));
                    }
                }
            }
        }
        return out;
    }

    private Path policyFile() {
        return policy.resolve("subscriber-protection.yaml");
    }
}
