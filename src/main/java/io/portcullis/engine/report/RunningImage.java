package io.portcullis.engine.report;

/**
 * What one router's running configuration held around an apply, from the reads the transaction does anyway
 * (no extra round trip): the managed-subtree digest before and after ({@code Digests.managedSubtree}; after is
 * null when the final state could not be read), and the managed subtree as read before, as the router sent it
 * (null when nothing was edited, since running then still holds it). Kept for the run history, not for reports:
 * the pre-image may hold text that must be masked before it is stored (the store does that).
 */
public record RunningImage(String digestBefore, String digestAfter, String preImage) {}
