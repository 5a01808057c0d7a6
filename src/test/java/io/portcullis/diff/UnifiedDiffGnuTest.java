package io.portcullis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 item 8: {@link UnifiedDiff} prints what GNU {@code diff -u} prints for the same two files (run here on
 * temp files), hunk headers included ({@code @@ -0,0 +1,3 @@} for an insertion into nothing).
 */
class UnifiedDiffGnuTest {
    private static final Path DIFF = Path.of("/usr/bin/diff");
    private static final Path PATCH = Path.of("/usr/bin/patch");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        String fourteen = numbered(1, 14);
        return Stream.of(
                Arguments.of("insertion into an empty text", "", "a\nb\nc\n"),
                Arguments.of("everything deleted", "a\nb\nc\n", ""),
                Arguments.of("one line into nothing", "", "a\n"),
                Arguments.of("one-line text replaced", "a\n", "b\n"),
                Arguments.of("line appended", "a\nb\n", "a\nb\nc\n"),
                Arguments.of("line prepended", "b\nc\nd\ne\nf\n", "a\nb\nc\nd\ne\nf\n"),
                Arguments.of("one line changed in the middle", fourteen, fourteen.replace("line 7\n", "line seven\n")),
                Arguments.of("one line deleted in the middle", fourteen, fourteen.replace("line 7\n", "")),
                Arguments.of(
                        "two hunks",
                        fourteen,
                        fourteen.replace("line 2\n", "two\n").replace("line 13\n", "thirteen\n")),
                Arguments.of(
                        "changes 6 lines apart share a hunk",
                        fourteen,
                        fourteen.replace("line 3\n", "three\n").replace("line 10\n", "ten\n")),
                Arguments.of(
                        "changes 7 lines apart make two hunks",
                        fourteen,
                        fourteen.replace("line 3\n", "three\n").replace("line 11\n", "eleven\n")),
                Arguments.of(
                        "three hunks, insertions and deletions",
                        numbered(1, 40),
                        numbered(1, 40)
                                .replace("line 5\n", "line 5\nnew A\nnew B\n")
                                .replace("line 20\n", "")
                                .replace("line 38\n", "thirty-eight\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGnuDiff(String name, String before, String after) throws Exception {
        assertThat(UnifiedDiff.diff(before, after, "r1 (running)", "r1 (policy)"))
                .as(name)
                .isEqualTo(gnu(before, after, "r1 (running)", "r1 (policy)"));
    }

    /**
     * Where two shortest edit scripts exist, GNU diff and Myers in java-diff-utils may align them differently: here GNU
     * slides the added term up to share its closing lines with the changed one ({@code -4,7 +4,14}), the library adds
     * the term whole ({@code -4,10 +4,17}). Both are equally short and both apply with GNU patch; ours reads better.
     */
    @Test
    void ambiguousAlignmentIsEquallyShortAndAppliesWithPatch() throws Exception {
        String added = UnifiedDiff.diff(junos(false), junos(true), "r1 (running)", "r1 (policy)");
        assertThat(added).contains("@@ -4,10 +4,17 @@\n").contains("""
                +            term block-ntp {
                +                from {
                +                    protocol udp;
                +                    destination-port 123;
                +                }
                +                then discard;
                +            }
                """);
        for (String[] pair : new String[][] {{junos(false), junos(true)}, {junos(true), junos(false)}}) {
            String ours = UnifiedDiff.diff(pair[0], pair[1], "a", "b");
            assertThat(changedLines(ours))
                    .isEqualTo(changedLines(gnu(pair[0], pair[1], "a", "b")))
                    .isEqualTo(9);
            assertThat(patched(pair[0], ours)).isEqualTo(pair[1]);
        }
    }

    @Test
    void insertionIntoNothingIsNumberedFromLineZero() {
        assertThat(UnifiedDiff.diff("", "a\nb\nc\n", "old", "new"))
                .isEqualTo("--- old\n+++ new\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n");
        assertThat(UnifiedDiff.diff("a\n", "", "old", "new")).isEqualTo("--- old\n+++ new\n@@ -1 +0,0 @@\n-a\n");
    }

    @Test
    void equalTextsHaveNoDiffLikeGnu() throws Exception {
        assertThat(UnifiedDiff.diff("same\n", "same\n", "a", "b")).isEmpty();
        assertThat(UnifiedDiff.diff("", "", "a", "b")).isEmpty();
        assertThat(gnu("same\n", "same\n", "a", "b")).isEmpty();
    }

    /**
     * Random edits of a numbered text (distinct lines, so one shortest script): each diff is what GNU prints, and GNU
     * patch applies it exactly (no offset, no fuzz). Slow: 80 processes; the cases above are the quick check.
     */
    @Test
    @Tag("slow")
    void randomEditsMatchGnuAndApplyWithPatch() throws Exception {
        Random random = new Random(20261205);
        for (int round = 0; round < 40; round++) {
            List<String> before =
                    new ArrayList<>(List.of(numbered(1, random.nextInt(30)).split("\n")));
            before.removeIf(String::isEmpty);
            List<String> after = new ArrayList<>(before);
            for (int edit = random.nextInt(4); edit >= 0; edit--) {
                int at = after.isEmpty() ? 0 : random.nextInt(after.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> after.add(at, "inserted " + round + "." + edit);
                    case 1 -> {
                        if (at < after.size()) {
                            after.remove(at);
                        }
                    }
                    default -> {
                        if (at < after.size()) {
                            after.set(at, "changed " + round + "." + edit);
                        }
                    }
                }
            }
            String a = text(before);
            String b = text(after);
            String ours = UnifiedDiff.diff(a, b, "a", "b");
            assertThat(ours).as("round %d: %s -> %s", round, before, after).isEqualTo(gnu(a, b, "a", "b"));
            if (!ours.isEmpty()) {
                assertThat(patched(a, ours)).as("round %d", round).isEqualTo(b);
            }
        }
    }

    private static long changedLines(String diff) {
        return diff.lines()
                .filter(l -> (l.startsWith("+") && !l.startsWith("+++")) || (l.startsWith("-") && !l.startsWith("---")))
                .count();
    }

    private String gnu(String before, String after, String beforeLabel, String afterLabel) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DIFF), "GNU diff is not installed");
        Path a = Files.writeString(Files.createTempFile(dir, "before", ".txt"), before);
        Path b = Files.writeString(Files.createTempFile(dir, "after", ".txt"), after);
        return run(
                List.of(
                        DIFF.toString(),
                        "-u",
                        "--label",
                        beforeLabel,
                        "--label",
                        afterLabel,
                        a.toString(),
                        b.toString()),
                1);
    }

    private String patched(String before, String diff) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PATCH), "GNU patch is not installed (apt-get install patch)");
        Path a = Files.writeString(Files.createTempFile(dir, "target", ".txt"), before);
        Path p = Files.writeString(Files.createTempFile(dir, "change", ".diff"), diff);
        Path out = dir.resolve("patched-" + System.nanoTime());
        String log = run(List.of(PATCH.toString(), "--fuzz=0", "-o", out.toString(), a.toString(), p.toString()), 0);
        assertThat(log).doesNotContain("offset").doesNotContain("fuzz");
        return Files.readString(out);
    }

    /** Runs a command; exit 0 is always fine, {@code alsoOk} too (diff exits 1 when the files differ). */
    private static String run(List<String> command, int alsoOk) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, out).isIn(0, alsoOk);
        return out;
    }

    private static String numbered(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("line ").append(i).append('\n');
        }
        return sb.toString();
    }

    private static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static String junos(boolean changed) {
        return """
                firewall {
                    family inet {
                        filter PORTCULLIS-V4 {
                            term block-smtp {
                                from {
                                    protocol tcp;
                                    destination-port [ 25 465 %s];
                                }
                                then discard;
                            }
                %s            term allow-rest {
                                then accept;
                            }
                        }
                    }
                }
                """.formatted(changed ? "587 2525 " : "587 ", changed ? """
                            term block-ntp {
                                from {
                                    protocol udp;
                                    destination-port 123;
                                }
                                then discard;
                            }
                """ : "");
    }
}
