package io.portcullis.store;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what is stored: credentials in URLs ({@code https://user:token@host}), bearer tokens,
 * {@code password=}/{@code token=} pairs. Applied to every free text the store accepts (errors, CI values),
 * because an error message from a library may quote what it was given.
 */
public final class Sanitizer {
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern PAIRS = Pattern.compile("(?i)\\b(password|passwd|pwd|token|secret|api[_-]?key)(\\s*[=:]\\s*)[^\\s,;&]+");
    // Slack/webhook paths are secrets themselves: keep scheme://host only
    private static final Pattern SECRET_PATH = Pattern.compile("(?i)(https?://hooks\\.slack\\.com)/\\S+");

    private Sanitizer() {
    }

    public static String url(String s) {
        if (s == null) {
            return null;
        }
        return SECRET_PATH.matcher(URL_USERINFO.matcher(s).replaceAll("$1")).replaceAll("$1/***");
    }

    /** Secrets masked, trimmed to {@code max} characters; null stays null. */
    public static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = PAIRS.matcher(BEARER.matcher(url(s)).replaceAll("$1***")).replaceAll("$1$2***");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
