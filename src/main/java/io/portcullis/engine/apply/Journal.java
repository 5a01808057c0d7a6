package io.portcullis.engine.apply;

import io.portcullis.engine.report.EngineJson;
import io.portcullis.engine.report.OutcomeState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The write-ahead journal of persistent confirmed commits: one append-only JSON-lines file per run
 * ({@code RUNID.journal}, owner-only) in a directory (default {@code .portcullis/journal}). Every append
 * is forced to disk before it returns, so a PENDING line exists before its commit is sent and a crashed
 * run can be finished by {@code portcullis recover}.
 */
public final class Journal {
    public static final Path DEFAULT_DIR = Path.of(".portcullis", "journal");
    static final String SUFFIX = ".journal";
    /** One record per line: the shared mapper indents. */
    private static final com.fasterxml.jackson.databind.ObjectWriter LINE =
            EngineJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public Journal(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A PENDING record left without an outcome, with the file it came from. */
    public record Pending(Path file, JournalRecord record) {}

    /** A line that could not be understood: reported, skipped, never fatal for the other lines. */
    public record Problem(Path file, int line, String why) {
        public String describe() {
            return file + ":" + line + ": " + why;
        }
    }

    public record Scan(List<Pending> pending, List<Problem> problems) {}

    /** Creates this run's file now, so an unwritable journal stops the run before any router is touched. */
    RunJournal open(String runId) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        }
        Path file = dir.resolve(runId + SUFFIX);
        Files.createFile(file, ownerOnly("rw-------"));
        return new RunJournal(runId, file);
    }

    /** Every PENDING record without an outcome, oldest file first; corrupt lines become problems. */
    public Scan scan() throws IOException {
        List<Pending> pending = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Scan(pending, problems);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
        for (Path f : files) {
            Map<String, Pending> open = new LinkedHashMap<>();
            String[] lines = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                JournalRecord r;
                try {
                    r = EngineJson.MAPPER.readValue(line, JournalRecord.class);
                } catch (IOException | RuntimeException e) {
                    // the parser's message quotes the line, which may hold a persist token: say what, not the text
                    problems.add(new Problem(
                            f,
                            i + 1,
                            (i == lines.length - 1 ? "truncated or " : "") + "not a JSON journal record; skipped"));
                    continue;
                }
                String why = r == null ? "empty record" : r.problem();
                if (why != null) {
                    problems.add(new Problem(f, i + 1, why + "; skipped"));
                    continue;
                }
                String key = r.run() + "\u0000" + r.router();
                if (JournalRecord.PENDING.equals(r.type())) {
                    open.put(key, new Pending(f, r));
                } else {
                    open.remove(key);
                }
            }
            pending.addAll(open.values());
        }
        return new Scan(pending, problems);
    }

    /** Appends an outcome line for a recovered entry (forced to disk). */
    public void close(Pending p, String type, OutcomeState state, String detail) throws IOException {
        append(
                p.file(),
                JournalRecord.outcome(type, p.record().run(), p.record().router(), state, detail, "recover"));
    }

    static void append(Path file, JournalRecord r) throws IOException {
        byte[] line = (LINE.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String perms) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))};
    }

    /** The open file of one run; appends are serialised (routers finish on many threads). */
    static final class RunJournal {
        private final String runId;
        private final Path file;
        private boolean written;

        RunJournal(String runId, Path file) {
            this.runId = runId;
            this.file = file;
        }

        String runId() {
            return runId;
        }

        Path file() {
            return file;
        }

        synchronized void append(JournalRecord r) throws IOException {
            Journal.append(file, r);
            written = true;
        }

        /** Drops the file of a run that never made a persistent commit (nothing to audit or recover). */
        synchronized void finish() {
            if (!written) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // an empty journal file is harmless
                }
            }
        }
    }
}
