package io.portcullis.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters): one testcase per router,
 * a failure for every failed router, skipped for routers a halted rollout never contacted.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static String render(RunReport r) {
        long failures = r.routers().stream().filter(o -> o.state().failure()).count();
        long skipped = r.routers().stream().filter(o -> o.state() == DeviceState.NOT_CONTACTED).count();
        double seconds = java.time.Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites>\n  <testsuite name=\"portcullis apply\" tests=\"").append(r.routers().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
        for (DeviceOutcome o : r.routers()) {
            sb.append("    <testcase classname=\"portcullis.apply.").append(esc(o.platform())).append("\" name=\"").append(esc(o.router()))
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", o.millis() / 1000.0)).append("\">");
            if (o.state().failure()) {
                sb.append("\n      <failure type=\"").append(o.state()).append("\" message=\"").append(esc(o.reason())).append("\">")
                        .append(esc(o.message())).append("</failure>\n    ");
            } else if (o.state() == DeviceState.NOT_CONTACTED) {
                sb.append("\n      <skipped message=\"").append(esc(o.message())).append("\"/>\n    ");
            } else {
                sb.append("\n      <system-out>").append(esc(o.state() + ": " + o.message())).append("</system-out>\n    ");
            }
            sb.append("</testcase>\n");
        }
        sb.append("  </testsuite>\n</testsuites>\n");
        return sb.toString();
    }

    public static void write(RunReport r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(r));
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
