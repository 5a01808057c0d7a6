package io.portcullis.store;

import java.time.Instant;

/** A run that changes routers (apply, remediation, recover) and has not finished: it may hold any router now. */
public record OpenRun(String id, String kind, Instant startedAt, String actor) {
    public String describe() {
        return kind + " run " + id.substring(0, Math.min(8, id.length())) + " (started " + startedAt
                + (actor == null ? "" : " by " + actor) + ")";
    }
}
