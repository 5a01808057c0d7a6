package io.portcullis.engine.router;

/**
 * The datastore names the engine rooms use, so that only this room imports {@code netconf}: the same names as
 * {@code netconf.rpc.Datastore}, onto which {@link NetconfRouterSession} maps them.
 */
public enum Datastore {
    RUNNING,
    CANDIDATE,
    STARTUP;

    public String xmlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
