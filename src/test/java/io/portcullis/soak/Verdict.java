package io.portcullis.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The soak's verdict: one row per assertion (what was checked, what was seen, pass or FAIL) and informational lines. */
final class Verdict {
    record Row(String check, boolean ok, String seen) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void check(String check, boolean ok, String seen) {
        rows.add(new Row(check, ok, seen));
    }

    synchronized void note(String line) {
        notes.add(line);
    }

    synchronized boolean ok() {
        return rows.stream().allMatch(Row::ok);
    }

    synchronized List<Row> failures() {
        return rows.stream().filter(r -> !r.ok()).toList();
    }

    synchronized void print(PrintStream out) {
        int w = rows.stream().mapToInt(r -> r.check().length()).max().orElse(10);
        out.println();
        out.println("soak verdict");
        out.printf("  %-" + w + "s  %-4s  %s%n", "check", "ok", "seen");
        for (Row r : rows) {
            out.printf("  %-" + w + "s  %-4s  %s%n", r.check(), r.ok() ? "pass" : "FAIL", r.seen());
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(n -> out.println("  " + n));
        }
        out.println();
        out.println(ok() ? "soak: PASSED" : "soak: FAILED (" + failures().size() + " of " + rows.size() + " checks)");
    }

    @Override
    public synchronized String toString() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        print(new PrintStream(b, true, java.nio.charset.StandardCharsets.UTF_8));
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
