package io.portcullis.inventory;

/**
 * What a router's name and its {@code hostname:} may look like. A router name ends up in journal and report file
 * names, CI logs and terminals; a hostname is handed to the SSH client. Both are refused when they could escape a
 * directory ({@code ../../etc}), carry shell metacharacters or terminal escapes, or are empty.
 */
final class HostNames {
    private static final int MAX = 253;

    private HostNames() {}

    /** Null when the router name is fine, else why not (completes "host name 'x' …"). */
    static String routerNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "is empty; give every router a name of letters, digits, '.', '_', '-'";
        }
        if (name.length() > MAX) {
            return "is longer than " + MAX + " characters";
        }
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9._@+-]*") || name.contains("..")) {
            return "is not allowed: use letters, digits and . _ - @ + only, starting with a letter, digit or _ (no '/', '..',"
                    + " spaces, shell or control characters)";
        }
        return null;
    }

    /** Null when the hostname is a plausible DNS name or IP literal, else why not (completes "hostname 'x' of host 'y' …"). */
    static String hostnameProblem(String hostname) {
        if (hostname.length() > MAX) {
            return "is longer than " + MAX + " characters";
        }
        if (!hostname.matches("[A-Za-z0-9_\\[][A-Za-z0-9._:%\\[\\]-]*") || hostname.contains("..")) {
            return "is not a DNS name or IP address (letters, digits, '.', '-', ':' only; no '/', spaces, shell or control"
                    + " characters, not starting with '-')";
        }
        return null;
    }

    /** The value quoted for a message with control characters shown as \\uXXXX, so nothing reaches a terminal raw. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        String t = s == null ? "" : s;
        for (int i = 0; i < t.length() && i < 60; i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(t.length() > 60 ? "…'" : "'").toString();
    }
}
