package io.portcullis.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as people read them on a wall screen ("12 s ago") and as machines do (ISO, for {@code <time datetime>}). */
final class Ago {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Ago() {}

    static String since(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 90) {
            return s + " s ago";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60.0) + " min ago";
        }
        if (s < 36 * 3600) {
            return Math.round(s / 3600.0) + " h ago";
        }
        return Math.round(s / 86400.0) + " d ago";
    }

    static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    static String utc(Instant t) {
        return t == null ? "—" : UTC.format(t);
    }
}
