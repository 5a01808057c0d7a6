package io.portcullis.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The git commit checked out where the policy lives, read from {@code .git} directly (HEAD, the ref it names,
 * packed-refs; linked work trees through {@code gitdir:} and {@code commondir}) instead of spawning git: a
 * recording command should not pay a process start, and CI images may not even have git. Empty when the policy
 * is not in a git work tree or anything looks unusual (the digest is always recorded anyway).
 */
public final class GitRevision {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitRevision() {}

    public static Optional<String> of(Path policy) {
        try {
            Path dir = policy.toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                dir = dir.getParent();
            }
            for (Path d = dir; d != null; d = d.getParent()) {
                Path dotGit = d.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return head(dotGit, dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String line = Files.readString(dotGit).strip();
                    if (!line.startsWith("gitdir:")) {
                        return Optional.empty();
                    }
                    Path gitDir = d.resolve(line.substring(7).strip()).normalize();
                    Path common = gitDir;
                    Path commonFile = gitDir.resolve("commondir");
                    if (Files.isRegularFile(commonFile)) {
                        common = gitDir.resolve(Files.readString(commonFile).strip())
                                .normalize();
                    }
                    return head(gitDir, common);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or unusual repository layout: no revision, never a failed run
        }
        return Optional.empty();
    }

    private static Optional<String> head(Path gitDir, Path common) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD")).strip();
        if (SHA.matcher(head).matches()) {
            return Optional.of(head); // detached HEAD, as CI checks out
        }
        if (!head.startsWith("ref:")) {
            return Optional.empty();
        }
        String ref = head.substring(4).strip();
        if (ref.contains("..")) {
            return Optional.empty();
        }
        for (Path base : new Path[] {gitDir, common}) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose).strip();
                return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
                if (line.endsWith(" " + ref)
                        && SHA.matcher(line.substring(0, line.indexOf(' '))).matches()) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty(); // an unborn branch
    }
}
