package io.portcullis.store;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what is stored: credentials in URLs ({@code https://user:token@host}), bearer tokens,
 * {@code password=}/{@code token=} pairs. Applied to every free text the store accepts (errors, CI values),
 * because an error message from a library may quote what it was given.
 */
public final class Sanitizer {
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern PAIRS =
            Pattern.compile("(?i)\\b(password|passwd|pwd|token|secret|api[_-]?key)(\\s*[=:]\\s*)[^\\s,;&]+");
    // Slack/webhook paths are secrets themselves: keep scheme://host only
    private static final Pattern SECRET_PATH = Pattern.compile("(?i)(https?://hooks\\.slack\\.com)/\\S+");

    // elements that hold secrets on routers: Junos authentication-key / encrypted-password, IOS-XR secret, SNMP
    // community (a container whose name leaf is the secret), IKE pre-shared-key, key-string of key chains … (the
    // managed subtree can include an interface unit's whole family, where e.g. a VRRP authentication key lives).
    // Every text inside such an element is masked.
    private static final Pattern SECRET_ELEMENT = Pattern.compile(
            "<((?:[\\w.-]+:)?[\\w.-]*(?i:password|passwd|secret|community|pre-shared|psk|authentication-key|auth-key|key-string"
                    + "|private-key|shared-key|md5|hash)[\\w.-]*)(\\s[^>]*)?>(.*?)</\\1\\s*>",
            Pattern.DOTALL);
    /** Every match of SECRET_ELEMENT contains one of these (case-insensitively). */
    private static final List<String> SECRET_ELEMENT_WORDS = List.of(
            "password",
            "passwd",
            "secret",
            "community",
            "pre-shared",
            "psk",
            "authentication-key",
            "auth-key",
            "key-string",
            "private-key",
            "shared-key",
            "md5",
            "hash");
    /** Every match of PAIRS contains one of these (case-insensitively). */
    private static final List<String> PAIR_WORDS = List.of("password", "passwd", "pwd", "token", "secret", "api");

    private static final Pattern TEXT_NODE = Pattern.compile(">[^<]*[^<\\s][^<]*<");
    // hashed or reversibly encrypted strings anywhere in text: Junos $9$, crypt $1$ $5$ $6$ $y$ $2b$
    private static final Pattern CRYPT = Pattern.compile("\\$(?:9|1|5|6|y|2[aby]?)\\$[^\\s<\"']+");

    private Sanitizer() {}

    /**
     * A configuration subtree as a router sent it, with secrets masked: every text inside an element named like a secret,
     * hashed or encrypted strings anywhere, and what {@link #text} masks. Null stays null.
     */
    public static String xml(String s) {
        if (s == null) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String masked = !containsAny(lower, SECRET_ELEMENT_WORDS)
                ? s
                : SECRET_ELEMENT.matcher(s).replaceAll(m -> {
                    String inner = m.group(3).indexOf('<') < 0
                            ? "***"
                            : TEXT_NODE.matcher(m.group(3)).replaceAll(">***<");
                    return Matcher.quoteReplacement("<" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + ">"
                            + inner + "</" + m.group(1) + ">");
                });
        if (masked.indexOf('$') >= 0) {
            masked = CRYPT.matcher(masked).replaceAll("***");
        }
        return pairsAndBearer(url(masked));
    }

    public static String url(String s) {
        if (s == null || !s.contains("://")) {
            return s;
        }
        return SECRET_PATH.matcher(URL_USERINFO.matcher(s).replaceAll("$1")).replaceAll("$1/***");
    }

    /** Secrets masked, trimmed to {@code max} characters; null stays null. */
    public static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = pairsAndBearer(url(s));
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    private static String pairsAndBearer(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        String t = lower.contains("bearer") ? BEARER.matcher(s).replaceAll("$1***") : s;
        return containsAny(lower, PAIR_WORDS) ? PAIRS.matcher(t).replaceAll("$1$2***") : t;
    }

    /**
     * Whether the (lower-case) text holds one of the words: a pattern that needs one of them to match is not run on
     * text without any. A router's managed subtree is kilobytes of filter terms without a secret in it, and the patterns
     * above, tried at every element and word boundary, cost about a millisecond of CPU per router on it: a second per
     * apply of 1,000 routers, most of what recording added to the run (docs/benchmarks.md "Run history").
     */
    private static boolean containsAny(String lower, List<String> words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
