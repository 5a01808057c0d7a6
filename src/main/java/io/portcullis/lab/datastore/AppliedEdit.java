package io.portcullis.lab.datastore;

/** One change an edit made, reported in netconf-config-change notifications (RFC 6470 {@code edit}). */
public record AppliedEdit(EditPath target, EditOperation operation) {}
