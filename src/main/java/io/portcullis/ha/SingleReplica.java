package io.portcullis.ha;

import java.util.Optional;

/**
 * No election: the only replica leads from the start. Used on the embedded H2 database (one process owns the
 * file) and when {@code portcullis.ha.enabled=false}.
 */
public final class SingleReplica implements Election {
    private final String replica;
    private final String why;
    private volatile boolean leading;

    /** @param why said at start, e.g. "embedded H2 database" */
    public SingleReplica(String replica, String why) {
        this.replica = replica;
        this.why = why;
    }

    @Override
    public void start(Listener listener) {
        leading = true;
        listener.elected();
    }

    @Override
    public boolean leading() {
        return leading;
    }

    @Override
    public String replica() {
        return replica;
    }

    @Override
    public Optional<String> leader() {
        return Optional.of(replica);
    }

    @Override
    public String describe() {
        return "single replica: " + why + "; replica " + replica + " leads (no election)";
    }

    @Override
    public void close() {
        leading = false;
    }
}
