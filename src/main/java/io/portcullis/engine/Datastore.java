package io.portcullis.engine;

public enum Datastore {
    RUNNING, CANDIDATE, STARTUP;

    public String xmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
