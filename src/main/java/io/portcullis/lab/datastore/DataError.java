package io.portcullis.lab.datastore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One NETCONF rpc-error (RFC 6241 §4.3) raised by a datastore operation; the server turns it into XML.
 *
 * @param info error-info children (name → text), e.g. bad-element, session-id
 */
public record DataError(
        String type,
        String tag,
        String severity,
        String appTag,
        String path,
        String message,
        Map<String, String> info) {
    public DataError {
        info = info == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(info));
    }

    public static DataError application(String tag, String path, String message) {
        return new DataError("application", tag, "error", null, path, message, Map.of());
    }

    public static DataError protocol(String tag, String message, Map<String, String> info) {
        return new DataError("protocol", tag, "error", null, null, message, info);
    }

    public static DataError rpc(String tag, String message, Map<String, String> info) {
        return new DataError("rpc", tag, "error", null, null, message, info);
    }
}
