package io.portcullis.engine.router;

/** A router said its configuration changed (netconf-config-change); {@code changedBy} is "alice (session 7 from 192.0.2.9)" or null. */
public record ConfigChange(String router, String datastore, String changedBy) {
}
