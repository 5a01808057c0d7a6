package io.portcullis.netconf.rpc;

import java.util.List;

/** The conventional configuration datastores and the capability each needs as a target. */
public enum Datastore {
    RUNNING,
    CANDIDATE,
    STARTUP;

    public String xmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String element() {
        return "<" + xmlName() + "/>";
    }

    /** Capabilities needed to use this datastore at all (read, lock, source). */
    List<String> existence() {
        return switch (this) {
            case RUNNING -> List.of();
            case CANDIDATE -> List.of(":candidate");
            case STARTUP -> List.of(":startup");
        };
    }

    /** Capabilities needed to write this datastore with edit-config. */
    List<String> writable() {
        return this == RUNNING ? List.of(":writable-running") : existence();
    }
}
