package io.portcullis.engine;

public enum Datastore {
    RUNNING, CANDIDATE;

    public String xmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
