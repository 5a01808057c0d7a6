package io.portcullis.cli;

import io.portcullis.engine.ToolVersion;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.router.Digests;
import io.portcullis.recording.OutcomesOnce;
import io.portcullis.recording.RouterRecords;
import io.portcullis.store.DbSettings;
import io.portcullis.store.GitRevision;
import io.portcullis.store.Identity;
import io.portcullis.store.PolicySnapshot;
import io.portcullis.store.RunRecording;
import io.portcullis.store.RunStart;
import io.portcullis.store.Sanitizer;
import io.portcullis.store.StoreException;
import io.portcullis.store.What;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records one plan, apply, drift or recover run of the command line into the run history: who (OS user, CI
 * identity, {@code --actor}), what (policy revision and digests), per router the outcome. It is also the
 * apply's {@link RunListener}, so routers are recorded as they finish. Recording never changes what a command
 * does or its exit code: when the database cannot be written, {@link #finish} prints one line saying so.
 */
final class CliRecorder implements RunListener {
    private final String command;
    private final RunRecording recording;
    /** Each router's outcome as it finishes, and at the end only those that changed since. */
    private final OutcomesOnce outcomes;
    /** Why this run is not recorded at all (the database settings could not be read; said when it started), else null. */
    private final String notRecorded;

    private CliRecorder(String command, RunRecording recording) {
        this(command, recording, null);
    }

    private CliRecorder(String command, RunRecording recording, String notRecorded) {
        this.command = command;
        this.recording = recording;
        this.outcomes = new OutcomesOnce(recording::router);
        this.notRecorded = notRecorded;
    }

    static CliRecorder start(
            String kind,
            GlobalOptions global,
            String actor,
            Path planFile,
            Map<String, String> options,
            PrintWriter err) {
        String id = UUID.randomUUID().toString();
        DbSettings settings;
        try {
            settings = DbSettings.current();
        } catch (StoreException e) {
            err.println("portcullis " + kind + ": this run is not recorded: " + e.getMessage());
            return new CliRecorder(kind, RunRecording.off(id), e.getMessage());
        }
        if (!settings.enabled()) {
            return new CliRecorder(kind, RunRecording.off(id));
        }
        What what = new What(
                GitRevision.of(global.policy).orElse(null),
                digest(() -> Digests.policyFiles(global.policy)),
                digest(() -> Digests.policyFiles(global.inventory)),
                planFile == null ? null : digest(() -> fileDigest(planFile)));
        RunStart start = new RunStart(
                id, kind, Instant.now(), ToolVersion.current(), Identity.of(System.getenv(), actor), what, options);
        RunRecording recording = RunRecording.start(settings, start);
        if ("apply".equals(kind) && what.policyDigest() != null) {
            // serve compares each router with the revision last applied to it: it needs the documents, not only the
            // digest
            try {
                recording.policy(PolicySnapshot.capture(global.policy, what.policyDigest(), what.policyRevision()));
            } catch (IllegalArgumentException e) {
                err.println("portcullis apply: the policy revision is not recorded (" + e.getMessage()
                        + "); serve keeps comparing these routers with the policy it loaded");
            }
        }
        return new CliRecorder(kind, recording);
    }

    String runId() {
        return recording.runId();
    }

    @Override
    public void routerFinished(RouterOutcome o) {
        outcomes.routerFinished(o);
    }

    void planned(List<RouterPlan> plans, boolean drift) {
        for (RouterPlan p : plans) {
            recording.router(RouterRecords.plan(p, drift));
        }
    }

    /**
     * Ends the record: waits for every queued write (the writes went on in the background while the routers worked, so
     * only what is still queued is waited for) and prints one line when it could not be written.
     *
     * @return whether the run is in the history database, for the report: said after the last write, never guessed
     */
    RunReport.Recording finish(int exitCode, String haltedBecause, PrintWriter err) {
        if (notRecorded != null) {
            return RunReport.Recording.notRecorded(oneLine(notRecorded));
        }
        if (recording.off()) {
            return RunReport.Recording.off();
        }
        java.util.Optional<String> why = recording.finish(exitCode, haltedBecause);
        if (why.isEmpty()) {
            return RunReport.Recording.recorded(recording.runId());
        }
        err.println("portcullis " + command + ": could not record this run in the history database: " + why.get());
        err.flush();
        return RunReport.Recording.notRecorded(oneLine(why.get()));
    }

    /** One line of at most 300 characters, with what looks like a credential masked (store errors may quote a URL). */
    private static String oneLine(String why) {
        return Sanitizer.text(why.replaceAll("\\s+", " ").trim(), 300);
    }

    private static String fileDigest(Path file) {
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(Files.readAllBytes(file)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static String digest(java.util.function.Supplier<String> d) {
        try {
            return d.get();
        } catch (RuntimeException e) {
            return null; // an unreadable file is the command's own error to report
        }
    }
}
