package io.portcullis.engine.router;

/**
 * Text a router sent (error messages, paths, lock holders) made safe to print: a hostile or broken router must not be
 * able to forge lines in a CI log ("lab-other-999 (junos): APPLIED") or drive the terminal with escape sequences.
 * Newlines, carriage returns, tabs and every other control character become visible escapes; the text stays one line.
 */
public final class RouterText {
    /** Longest router-supplied text kept; the rest is cut with a note, so one reply cannot flood a log. */
    static final int MAX_CHARS = 2_000;

    private RouterText() {}

    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        for (int i = 0; i < text.length() && sb.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (sb.length() >= MAX_CHARS && text.length() > MAX_CHARS) {
            sb.append(" … (").append(text.length()).append(" characters, cut)");
        }
        return sb.toString();
    }
}
