package io.portcullis.intent;

/** A place on a device where the promise must hold (an access interface or subscriber profile). */
public record AttachPoint(AttachKind kind, String name) {}
