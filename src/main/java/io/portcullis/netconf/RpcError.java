package io.portcullis.netconf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <rpc-error>} (RFC 6241 §4.3), every field kept. Unknown tags, types and severities are tolerated: the
 * raw strings are always available; the enums say UNKNOWN / ERROR for anything unexpected.
 *
 * @param type error-type (transport, rpc, protocol, application)
 * @param typeText error-type as sent
 * @param tag error-tag as sent (e.g. "lock-denied"); see {@link #knownTag()}
 * @param severity error or warning (anything else counts as error)
 * @param appTag error-app-tag or null
 * @param path error-path or null (an XPath whose prefixes are bound by {@link #pathNamespaces()})
 * @param pathNamespaces prefix → namespace URI in scope at error-path ("" = default namespace)
 * @param message error-message or null
 * @param messageLang xml:lang of error-message or null
 * @param info error-info contents
 */
public record RpcError(
        ErrorType type,
        String typeText,
        String tag,
        Severity severity,
        String appTag,
        String path,
        Map<String, String> pathNamespaces,
        String message,
        String messageLang,
        ErrorInfo info) {

    public enum ErrorType {
        TRANSPORT,
        RPC,
        PROTOCOL,
        APPLICATION,
        UNKNOWN
    }

    public enum Severity {
        ERROR,
        WARNING
    }

    /** The error-tag values of RFC 6241 appendix A. */
    public enum Tag {
        IN_USE,
        INVALID_VALUE,
        TOO_BIG,
        MISSING_ATTRIBUTE,
        BAD_ATTRIBUTE,
        UNKNOWN_ATTRIBUTE,
        MISSING_ELEMENT,
        BAD_ELEMENT,
        UNKNOWN_ELEMENT,
        UNKNOWN_NAMESPACE,
        ACCESS_DENIED,
        LOCK_DENIED,
        RESOURCE_DENIED,
        ROLLBACK_FAILED,
        DATA_EXISTS,
        DATA_MISSING,
        OPERATION_NOT_SUPPORTED,
        OPERATION_FAILED,
        PARTIAL_OPERATION,
        MALFORMED_MESSAGE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Optional<Tag> of(String wire) {
            for (Tag t : values()) {
                if (t.wireName().equals(wire)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * error-info contents.
     *
     * @param badAttributes bad-attribute values
     * @param badElements bad-element values
     * @param badNamespaces bad-namespace values
     * @param sessionId the session-id element's text as sent (may be a number, 0, or vendor text), or null
     * @param other every other child as local-name → text (last one wins)
     */
    public record ErrorInfo(
            List<String> badAttributes,
            List<String> badElements,
            List<String> badNamespaces,
            String sessionId,
            Map<String, String> other) {
        public static final ErrorInfo EMPTY = new ErrorInfo(List.of(), List.of(), List.of(), null, Map.of());
    }

    public RpcError {
        pathNamespaces = Map.copyOf(pathNamespaces);
    }

    public Optional<Tag> knownTag() {
        return Tag.of(tag);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public boolean isLockDenied() {
        return "lock-denied".equals(tag);
    }

    /** The device may be in an unknown state: treat as terminal, alarm, quarantine. */
    public boolean isRollbackFailed() {
        return "rollback-failed".equals(tag);
    }

    /** Who holds the lock, for lock-denied (and in-use) errors, in whatever shape the vendor reported it. */
    public Optional<LockHolder> lockHolder() {
        if (!isLockDenied() && !"in-use".equals(tag)) {
            return Optional.empty();
        }
        return LockHolder.from(info.sessionId(), message);
    }

    /** One line: "tag (app-tag) at path: message". */
    public String summary() {
        StringBuilder sb = new StringBuilder(tag == null ? "unknown-error" : tag);
        if (appTag != null) {
            sb.append(" (").append(appTag).append(')');
        }
        if (path != null) {
            sb.append(" at ").append(path);
        }
        if (message != null) {
            sb.append(": ").append(message.strip());
        }
        if (!info.badElements().isEmpty()) {
            sb.append(" [bad-element ")
                    .append(String.join(", ", info.badElements()))
                    .append(']');
        }
        if (!info.badAttributes().isEmpty()) {
            sb.append(" [bad-attribute ")
                    .append(String.join(", ", info.badAttributes()))
                    .append(']');
        }
        lockHolder().ifPresent(h -> sb.append(" [held by ").append(h.describe()).append(']'));
        return sb.toString();
    }
}
