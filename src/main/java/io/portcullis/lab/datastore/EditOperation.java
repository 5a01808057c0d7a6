package io.portcullis.lab.datastore;

import java.util.Locale;

/** The edit-config operation attribute values (RFC 6241 §7.2), plus NONE for default-operation none. */
public enum EditOperation {
    MERGE,
    REPLACE,
    CREATE,
    DELETE,
    REMOVE,
    NONE;

    public static EditOperation parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "merge" -> MERGE;
            case "replace" -> REPLACE;
            case "create" -> CREATE;
            case "delete" -> DELETE;
            case "remove" -> REMOVE;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
