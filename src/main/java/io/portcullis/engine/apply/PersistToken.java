package io.portcullis.engine.apply;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh persist tokens: RFC 6241 asks for a random string; whoever holds it can confirm or cancel the commit. */
final class PersistToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersistToken() {}

    static String fresh() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return "pcl-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
