package io.portcullis.cli;

import io.portcullis.netconf.MessageTrace;
import io.portcullis.store.Sanitizer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The {@code --verbose} protocol trace: every NETCONF message sent to and received from each router, one line each on
 * stderr ({@code netconf ROUTER → <rpc …>} / {@code netconf ROUTER ← <rpc-reply …>}), with secrets redacted — text of
 * elements named like secrets (passwords, keys, communities), Junos $9$ and crypt strings, password= pairs
 * ({@link Sanitizer#xml}) and confirmed-commit persist tokens, which cancel or confirm a commit. Whitespace between
 * elements is dropped and control characters are escaped, so a router cannot forge lines or drive the terminal; a
 * message longer than {@link #MAX_CHARS} is cut.
 */
final class ProtocolTrace implements MessageTrace {
    static final int MAX_CHARS = 16_384;
    private static final Pattern BETWEEN_ELEMENTS = Pattern.compile(">\\s+<");
    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>\\s*");
    private static final Pattern PERSIST =
            Pattern.compile("<((?:[\\w.-]+:)?persist(?:-id)?)(\\s[^>]*)?>[^<]*</\\1\\s*>");

    private final PrintWriter err;
    private final String router;

    private ProtocolTrace(PrintWriter err, String router) {
        this.err = err;
        this.router = router;
    }

    /** The trace for {@code --verbose}, or none. */
    static MessageTrace of(boolean verbose, PrintWriter err) {
        return verbose ? new ProtocolTrace(err, null) : MessageTrace.NONE;
    }

    @Override
    public void message(String peer, boolean sent, byte[] message) {
        String line = (router == null ? peer : router)
                + (sent ? " → " : " ← ")
                + redact(new String(message, StandardCharsets.UTF_8));
        synchronized (err) {
            err.println("netconf " + line);
            err.flush();
        }
    }

    /** One line, secrets masked, control characters escaped, at most {@link #MAX_CHARS}. */
    static String redact(String xml) {
        String t = BETWEEN_ELEMENTS
                .matcher(DECLARATION.matcher(xml.strip()).replaceFirst(""))
                .replaceAll("><");
        t = PERSIST.matcher(Sanitizer.xml(t))
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        "<" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + ">***</" + m.group(1) + ">"));
        StringBuilder b = new StringBuilder(Math.min(t.length(), MAX_CHARS) + 32);
        for (int i = 0; i < t.length(); i++) {
            if (b.length() >= MAX_CHARS) {
                b.append(" … (").append(t.length() - i).append(" more characters)");
                break;
            }
            char c = t.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
