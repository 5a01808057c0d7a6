package io.portcullis.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff of two texts (three lines of context), used to show a change in the platform's own terms: the diff
 * of {@code renderText} before and after. java-diff-utils computes the edit script (Myers) and groups it into hunks;
 * only the hunk headers are rewritten, because the library numbers ranges its own way ({@code @@ -1,0 +1,3 @@} for
 * an insertion into nothing, {@code -1,1} for one line) where GNU {@code diff -u}, which readers and {@code patch}
 * know, prints {@code @@ -0,0 +1,3 @@} and {@code -1}. {@code UnifiedDiffGnuTest} compares the output with GNU diff.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

    private UnifiedDiff() {}

    /** The diff, or the empty string when the texts have the same lines. */
    public static String diff(String before, String after, String beforeLabel, String afterLabel) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(beforeLabel, afterLabel, a, patch, CONTEXT)) {
            out.append(line.startsWith("@@ ") ? gnuHeader(line) : line).append('\n');
        }
        return out.toString();
    }

    /** {@code @@ -start,count +start,count @@} as GNU diff numbers it (see the class comment). */
    static String gnuHeader(String libraryHeader) {
        Matcher m = HUNK.matcher(libraryHeader);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected hunk header from java-diff-utils: " + libraryHeader);
        }
        return "@@ -" + range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) + " +"
                + range(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))) + " @@";
    }

    /** GNU: an empty range names the line before it ({@code 0,0} at the top), one line is its number alone. */
    private static String range(int start, int count) {
        if (count == 0) {
            return (start - 1) + ",0";
        }
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    private static List<String> lines(String s) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return Arrays.asList(t.split("\r?\n", -1));
    }
}
