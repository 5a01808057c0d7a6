package io.portcullis.engine.router;

public enum Datastore {
    RUNNING, CANDIDATE, STARTUP;

    public String xmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
