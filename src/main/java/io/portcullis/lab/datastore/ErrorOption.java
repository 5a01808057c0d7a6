package io.portcullis.lab.datastore;

/** edit-config error-option (RFC 6241 §7.2); rollback-on-error needs the :rollback-on-error capability. */
public enum ErrorOption {
    STOP_ON_ERROR,
    CONTINUE_ON_ERROR,
    ROLLBACK_ON_ERROR;

    public static ErrorOption parse(String text) {
        return switch (text.trim()) {
            case "stop-on-error" -> STOP_ON_ERROR;
            case "continue-on-error" -> CONTINUE_ON_ERROR;
            case "rollback-on-error" -> ROLLBACK_ON_ERROR;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
