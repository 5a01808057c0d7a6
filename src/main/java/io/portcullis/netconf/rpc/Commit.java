package io.portcullis.netconf.rpc;

import java.util.List;

/**
 * {@code <commit>}: plain, confirmed (with confirm-timeout seconds), persistent (persist token, 1.1 only) or
 * confirming a persistent one from another session (persist-id, 1.1 only).
 *
 * @param confirmed send {@code <confirmed/>}
 * @param confirmTimeoutSeconds confirm-timeout (1..4294967295) or null for the server default (600)
 * @param persist persist token (should be random) or null
 * @param persistId token of the persistent confirmed commit being confirmed/extended, or null
 */
public record Commit(boolean confirmed, Long confirmTimeoutSeconds, String persist, String persistId)
        implements NetconfRpc {
    public Commit {
        if (confirmTimeoutSeconds != null && (confirmTimeoutSeconds < 1 || confirmTimeoutSeconds > 4294967295L)) {
            throw new IllegalArgumentException("confirm-timeout must be 1..4294967295 seconds");
        }
        if (!confirmed && (confirmTimeoutSeconds != null || persist != null)) {
            throw new IllegalArgumentException("confirm-timeout and persist need a confirmed commit");
        }
    }

    /** A plain commit (also confirms a pending confirmed commit of this session). */
    public static Commit commit() {
        return new Commit(false, null, null, null);
    }

    public static Commit confirmed(long timeoutSeconds) {
        return new Commit(true, timeoutSeconds, null, null);
    }

    /** A persistent confirmed commit that survives this session (1.1). */
    public static Commit confirmedPersistent(long timeoutSeconds, String persistToken) {
        return new Commit(true, timeoutSeconds, persistToken, null);
    }

    /** Confirms a persistent confirmed commit, from any session (1.1). */
    public static Commit confirmPersistent(String persistId) {
        return new Commit(false, null, null, persistId);
    }

    @Override
    public String name() {
        return confirmed ? "confirmed commit" : "commit";
    }

    @Override
    public List<String> requiredCapabilities() {
        return new Caps()
                .add(":candidate")
                .addIf(confirmed, ":confirmed-commit")
                .addIf(persist != null || persistId != null, ":confirmed-commit:1.1")
                .list();
    }

    @Override
    public String toXml() {
        StringBuilder sb = new StringBuilder("<commit>");
        if (confirmed) {
            sb.append("<confirmed/>");
        }
        if (confirmTimeoutSeconds != null) {
            sb.append("<confirm-timeout>").append(confirmTimeoutSeconds).append("</confirm-timeout>");
        }
        if (persist != null) {
            sb.append("<persist>").append(Esc.text(persist)).append("</persist>");
        }
        if (persistId != null) {
            sb.append("<persist-id>").append(Esc.text(persistId)).append("</persist-id>");
        }
        return sb.append("</commit>").toString();
    }
}
