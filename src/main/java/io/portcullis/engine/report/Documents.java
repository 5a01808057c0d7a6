package io.portcullis.engine.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every {@code --json} document starts with, in this order: {@code format} ("portcullis-KIND/N", bumped when a
 * field is renamed or removed), {@code toolVersion}, {@code startedAt} and {@code finishedAt} (ISO-8601 UTC instants,
 * milliseconds). The schemas under {@code docs/schemas/} describe each KIND.
 */
public final class Documents {
    private Documents() {}

    public static String format(String kind, int version) {
        return "portcullis-" + kind + "/" + version;
    }

    /** An ordered map holding the four header keys; the caller appends the document's own. */
    public static Map<String, Object> header(String format, String toolVersion, Instant startedAt, Instant finishedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("toolVersion", toolVersion);
        m.put("startedAt", millis(startedAt));
        m.put("finishedAt", millis(finishedAt));
        return m;
    }

    /** Now, to the millisecond: documents carry no false precision. */
    public static Instant now() {
        return millis(Instant.now());
    }

    public static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }
}
