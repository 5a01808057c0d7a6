package io.portcullis.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The policy documents of one revision as a run applied them: file name (relative to the policy directory) →
 * text. Only policy documents are kept (.yaml, .yml, .json, .xml), at most {@value #MAX_FILES} files and
 * {@value #MAX_CHARS} characters, so a snapshot is small and never holds anything else that sits next to the
 * policy. {@link #writeTo} rebuilds the directory, which {@code PolicyLoader} loads as it loaded the original.
 *
 * @param digest   the policy digest the run recorded (the key; the digest of the files as they were on disk)
 * @param revision   the git commit of the policy, or null outside a git work tree
 * @param recordedAt when a run applied it (what makes a revision the newest); {@link Instant#EPOCH} for a remediation,
 *                   which restores a router's own revision and must not make an old revision the newest
 */
public record PolicySnapshot(String digest, String revision, Instant recordedAt, Map<String, String> documents) {
    public static final int MAX_FILES = 16;
    public static final int MAX_CHARS = 1_000_000;

    public PolicySnapshot {
        if (digest == null || digest.isBlank()) {
            throw new IllegalArgumentException("a policy snapshot needs the policy digest");
        }
        documents = Map.copyOf(new TreeMap<>(documents));
        recordedAt = recordedAt == null ? Instant.now() : recordedAt;
    }

    /**
     * Reads the policy file, or the documents of a policy directory (top level, as the loader reads it).
     *
     * @throws IllegalArgumentException one sentence: unreadable, no document, too many files or too large
     */
    public static PolicySnapshot capture(Path policy, String digest, String revision) {
        Map<String, String> docs = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(policy) ? Files.list(policy) : Stream.of(policy)) {
            files = s.filter(Files::isRegularFile)
                    .filter(PolicySnapshot::isDocument)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the policy " + policy + " for its snapshot: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    "the policy " + policy + " holds no .yaml, .yml, .json or .xml document to snapshot");
        }
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("the policy " + policy + " has " + files.size()
                    + " documents, more than the " + MAX_FILES + " a revision snapshot keeps");
        }
        long chars = 0;
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + f + " for the policy snapshot: " + e.getMessage());
            }
            chars += text.length();
            if (chars > MAX_CHARS) {
                throw new IllegalArgumentException("the policy " + policy + " is larger than the " + MAX_CHARS
                        + " characters a revision snapshot keeps");
            }
            docs.put(f.getFileName().toString(), text);
        }
        return new PolicySnapshot(digest, revision, Instant.now(), docs);
    }

    static boolean isDocument(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".xml");
    }

    /** Writes the documents into {@code dir} (created if missing) and returns it: a policy directory to load. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> d : documents.entrySet()) {
            Path target = dir.resolve(d.getKey()).normalize();
            if (!target.getParent().equals(dir.normalize()) || !isDocument(target)) {
                // a name from the database must not escape the directory (it was written by us, but the database is not
                // us)
                throw new IOException(
                        "policy snapshot " + digest + " holds an unexpected file name '" + d.getKey() + "'");
            }
            Files.writeString(target, d.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** The same documents as a remediation records them (never the newest revision by that run). */
    public PolicySnapshot forRemediation() {
        return new PolicySnapshot(digest, revision, Instant.EPOCH, documents);
    }

    /** "abc1234 (sha256:0123456789ab…)" or the digest alone: how messages name a revision. */
    public String label() {
        return label(digest, revision);
    }

    public static String label(String digest, String revision) {
        String d = digest == null ? "unknown" : digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
        return revision == null ? d : revision.substring(0, Math.min(12, revision.length())) + " (" + d + ")";
    }
}
