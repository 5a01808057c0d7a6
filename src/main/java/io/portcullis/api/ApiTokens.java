package io.portcullis.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The two API roles. {@code portcullis.api.token} may do everything (apply, drift checks, reading);
 * {@code portcullis.api.read-token} may read and plan. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about how much of a guess was right, nor
 * about the token's length.
 *
 * <p>The dashboard's session cookie never holds a token: it holds {@link #sessionFor a value derived from it}
 * (HMAC-SHA256 keyed with the token's digest), which opens the dashboard but not the REST API, and stops working
 * when the token is rotated. It is checked the same way, in constant time, against both tokens.
 */
public final class ApiTokens {
    public enum Role {
        NONE,
        READ,
        WRITE
    }

    private static final byte[] SESSION_LABEL = "portcullis-dashboard-session/1".getBytes(StandardCharsets.UTF_8);

    private final byte[] write;
    private final byte[] read;

    /** The tokens as configured now (portcullis.api.token, portcullis.api.read-token). */
    public static ApiTokens fromConfig() {
        var c = ConfigProvider.getConfig();
        return new ApiTokens(
                ServiceConfig.secret(c, "portcullis.api.token"), ServiceConfig.secret(c, "portcullis.api.read-token"));
    }

    ApiTokens(Optional<String> writeToken, Optional<String> readToken) {
        this.write = writeToken.map(ApiTokens::digest).orElse(null);
        this.read = readToken.map(ApiTokens::digest).orElse(null);
    }

    public boolean anyConfigured() {
        return write != null || read != null;
    }

    boolean writeConfigured() {
        return write != null;
    }

    /** The role a presented bearer token grants (NONE for a missing or wrong one). */
    public Role roleOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Role.NONE;
        }
        byte[] given = digest(presented);
        // both comparisons always run: which one matched must not show in the timing either
        boolean isWrite = write != null & MessageDigest.isEqual(given, write == null ? new byte[32] : write);
        boolean isRead = read != null & MessageDigest.isEqual(given, read == null ? new byte[32] : read);
        return isWrite ? Role.WRITE : isRead ? Role.READ : Role.NONE;
    }

    /** The dashboard session value for a presented token, or null when the token grants nothing. */
    public String sessionFor(String presented) {
        Role role = roleOf(presented);
        return role == Role.NONE ? null : HexFormat.of().formatHex(mac(digest(presented)));
    }

    /** The role a dashboard session value grants (NONE for a missing, forged or outdated one). */
    public Role roleOfSession(String session) {
        byte[] given;
        try {
            given = session == null || session.length() != 64
                    ? null
                    : HexFormat.of().parseHex(session);
        } catch (IllegalArgumentException e) {
            given = null;
        }
        if (given == null) {
            return Role.NONE;
        }
        boolean isWrite = write != null & MessageDigest.isEqual(given, write == null ? new byte[32] : mac(write));
        boolean isRead = read != null & MessageDigest.isEqual(given, read == null ? new byte[32] : mac(read));
        return isWrite ? Role.WRITE : isRead ? Role.READ : Role.NONE;
    }

    private static byte[] mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(SESSION_LABEL);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
