package io.portcullis.store;

/**
 * What a run carried: the policy's git commit when the policy sits in a git work tree (else null), and always
 * the digests of the policy files, the inventory files and, with {@code --plan}, the plan file.
 */
public record What(String policyRevision, String policyDigest, String inventoryDigest, String planDigest) {
    public static final What UNKNOWN = new What(null, null, null, null);
}
