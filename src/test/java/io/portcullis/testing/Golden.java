package io.portcullis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions: expected output lives in {@code src/test/resources/golden/<platform>/<case>.<ext>}.
 * Run with {@code -Dportcullis.golden.update=true} to (re)write the files from the actual output, then
 * review the git diff: that is the deliberate way to accept a rendering change.
 */
public final class Golden {
    public static final String UPDATE_PROPERTY = "portcullis.golden.update";
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** The source-tree path of a golden file (tests run with the project root as working directory). */
    public static Path path(String platform, String fileName) {
        return ROOT.resolve(platform).resolve(fileName);
    }

    /**
     * Compares {@code actual} with the golden file (line endings normalised, one trailing newline);
     * in update mode writes it instead. A mismatch names the first differing line and how to refresh.
     */
    public static void assertMatches(String platform, String fileName, String actual) {
        Path file = path(platform, fileName);
        String normalized = normalize(actual);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file)
                        || !normalize(Files.readString(file, StandardCharsets.UTF_8))
                                .equals(normalized)) {
                    Files.writeString(file, normalized, StandardCharsets.UTF_8);
                }
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(
                        "golden file " + file + " is missing; create it with " + "mvn -o test -Dtest=GoldenFilesTest -D"
                                + UPDATE_PROPERTY + "=true and review it\n--- actual ---\n" + normalized);
            }
            String expected = normalize(Files.readString(file, StandardCharsets.UTF_8));
            if (!expected.equals(normalized)) {
                throw new AssertionError(
                        "output differs from golden file " + file + " " + firstDifference(expected, normalized)
                                + "; if the change is intended, refresh with mvn -o test -Dtest=GoldenFilesTest -D"
                                + UPDATE_PROPERTY
                                + "=true and review the git diff\n--- actual ---\n" + normalized);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot access golden file " + file, e);
        }
    }

    static String normalize(String s) {
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\n";
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "at line " + (i + 1) + ": expected [" + el + "] but was [" + al + "]";
            }
        }
        return "(only in trailing whitespace)";
    }
}
