package io.portcullis.engine.router;

/**
 * A router said its configuration changed (netconf-config-change).
 *
 * @param changedBy "alice (session 7 from 192.0.2.9)", or null when the notification names nobody
 * @param foreign   the notification names a user other than the one Portcullis logs in to this router as (a person or
 *                  another tool); false for Portcullis' own commits, the server itself, or when nobody is named
 */
public record ConfigChange(String router, String datastore, String changedBy, boolean foreign) {

    /** A change whose author is unknown or Portcullis itself. */
    public ConfigChange(String router, String datastore, String changedBy) {
        this(router, datastore, changedBy, false);
    }
}
