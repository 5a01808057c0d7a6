package io.portcullis.intent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy stamp a router carries in the description of every filter Portcullis owns:
 * {@code portcullis policy sha256:1a2b3c4d subscriber-protection}, so an engineer on the router's CLI can
 * tell which policy content is installed and look it up in {@code portcullis history}.
 *
 * <p>The digest is of the compiled filters' content (names, families, terms with their matches, actions,
 * counters, log flags and term descriptions), never of the git commit or the policy file's bytes: a commit
 * that changes nothing the router holds leaves the stamp, and so the router, untouched. Filter descriptions
 * (where the stamp itself lives) and the platform's implicit default are left out, so one policy gives the
 * same stamp on every platform.
 */
public final class FilterStamp {
    /** Words every stamped description starts with. */
    public static final String PREFIX = "portcullis policy ";
    /** SR OS filter descriptions are 1..80 characters, the shortest free-text place of all platforms. */
    public static final int MAX_LENGTH = 80;

    private static final Pattern STAMP = Pattern.compile("^" + Pattern.quote(PREFIX) + "(sha256:[0-9a-f]{8})(?: |$)");

    private FilterStamp() {}

    /** {@code sha256:} and the first 8 hex digits of the SHA-256 of the filters' canonical content. */
    public static String digest(List<Filter> filters) {
        StringBuilder sb = new StringBuilder();
        for (Filter f : filters) {
            sb.append("filter ")
                    .append(f.name())
                    .append(' ')
                    .append(f.family().id())
                    .append('\n');
            for (Term t : f.terms()) {
                Match m = t.match();
                sb.append(" term ")
                        .append(t.name())
                        .append(' ')
                        .append(t.sequence())
                        .append(' ')
                        .append(t.action().name())
                        .append(" protocol ")
                        .append(m.protocol().number())
                        .append(" dport ")
                        .append(m.destinationPorts())
                        .append(" sport ")
                        .append(m.sourcePorts())
                        .append(" port ")
                        .append(m.eitherPorts())
                        .append(" dst ")
                        .append(m.destinationPrefixes())
                        .append(" src ")
                        .append(m.sourcePrefixes())
                        .append(" counter ")
                        .append(t.counter())
                        .append(" log ")
                        .append(t.log())
                        .append(" description ")
                        .append(t.description())
                        .append('\n');
            }
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The description text: prefix, digest, the policy's name; cut to {@link #MAX_LENGTH} (the stamp always fits). */
    public static String description(String digest, String policyName) {
        String text = PREFIX + digest + (policyName == null || policyName.isBlank() ? "" : " " + policyName);
        return text.length() <= MAX_LENGTH
                ? text
                : text.substring(0, MAX_LENGTH).strip();
    }

    /** The digest a description carries, or empty when it has no stamp (set by hand, or by an older Portcullis). */
    public static Optional<String> digestOf(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher m = STAMP.matcher(description);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
