package io.portcullis.policy;

/** Per-service term options: hardware counter, logging (off by default), description and owner. */
public record TermOptions(boolean counter, boolean log, String description, String owner)
        implements java.io.Serializable {
    public static final TermOptions DEFAULT = new TermOptions(true, false, null, null);
}
