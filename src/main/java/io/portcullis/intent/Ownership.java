package io.portcullis.intent;

/**
 * How Portcullis recognises its own configuration: every filter it writes is named with this
 * prefix (and carries it in descriptions where the platform has them). Readers keep only owned
 * filters; anything else on the device is foreign and is never edited.
 */
public final class Ownership {
    public static final String PREFIX = "PORTCULLIS-";

    private Ownership() {}

    public static boolean isOwned(String filterName) {
        return filterName != null && filterName.startsWith(PREFIX);
    }
}
