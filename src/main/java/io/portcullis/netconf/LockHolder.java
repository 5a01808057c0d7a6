package io.portcullis.netconf;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a datastore lock, extracted from lock-denied in every vendor shape seen (shared docs A.3):
 * numeric {@code <session-id>} (standard), {@code 0} (a non-NETCONF holder such as the CLI, e.g. OcNOS), text inside
 * session-id ("session is locked by 12969", Vyatta), or no session-id and the holder in error-message (Junos:
 * "configuration database locked by: user terminal p0 (pid 1234) ...").
 *
 * @param sessionId the holder's NETCONF session-id, if one was given and is non-zero
 * @param nonNetconf the holder is not a NETCONF session (session-id 0, or a CLI user named in the message)
 * @param description human text about the holder (user, pid), or null
 */
public record LockHolder(OptionalLong sessionId, boolean nonNetconf, String description) {
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,10})");
    private static final Pattern LOCKED_BY =
            Pattern.compile("locked by:?\\s*(.+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");

    static Optional<LockHolder> from(String sessionIdText, String message) {
        if (sessionIdText != null && !sessionIdText.isBlank()) {
            String text = sessionIdText.strip();
            Matcher m = NUMBER.matcher(text);
            Long id = null;
            while (m.find()) {
                id = Long.parseLong(m.group(1));
            }
            if (id != null) {
                return Optional.of(
                        id == 0
                                ? new LockHolder(
                                        OptionalLong.empty(), true, text.equals("0") ? "non-NETCONF holder" : text)
                                : new LockHolder(OptionalLong.of(id), false, text.matches("\\d+") ? null : text));
            }
            return Optional.of(new LockHolder(OptionalLong.empty(), false, text));
        }
        if (message != null) {
            Matcher m = LOCKED_BY.matcher(message);
            if (m.find()) {
                String who = m.group(1).strip().replaceAll("\\s+", " ");
                Matcher pid = PID.matcher(who);
                int cut = pid.find() ? pid.end() : who.length();
                return Optional.of(new LockHolder(OptionalLong.empty(), true, who.substring(0, cut)));
            }
        }
        return Optional.empty();
    }

    /** e.g. "NETCONF session 5", "non-NETCONF holder", "root terminal p0 (pid 1234)". */
    public String describe() {
        if (sessionId.isPresent()) {
            return "NETCONF session " + sessionId.getAsLong() + (description == null ? "" : " (" + description + ")");
        }
        return description == null ? "unknown holder" : description;
    }
}
