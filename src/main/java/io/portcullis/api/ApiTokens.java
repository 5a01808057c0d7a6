package io.portcullis.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The two API roles. {@code portcullis.api.token} may do everything (apply, drift checks, reading);
 * {@code portcullis.api.read-token} may read and plan. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about how much of a guess was right, nor
 * about the token's length.
 */
final class ApiTokens {
    enum Role { NONE, READ, WRITE }

    private final byte[] write;
    private final byte[] read;

    ApiTokens(Optional<String> writeToken, Optional<String> readToken) {
        this.write = writeToken.map(ApiTokens::digest).orElse(null);
        this.read = readToken.map(ApiTokens::digest).orElse(null);
    }

    boolean anyConfigured() {
        return write != null || read != null;
    }

    boolean writeConfigured() {
        return write != null;
    }

    /** The role a presented bearer token grants (NONE for a missing or wrong one). */
    Role roleOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Role.NONE;
        }
        byte[] given = digest(presented);
        // both comparisons always run: which one matched must not show in the timing either
        boolean isWrite = write != null & MessageDigest.isEqual(given, write == null ? new byte[32] : write);
        boolean isRead = read != null & MessageDigest.isEqual(given, read == null ? new byte[32] : read);
        return isWrite ? Role.WRITE : isRead ? Role.READ : Role.NONE;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
