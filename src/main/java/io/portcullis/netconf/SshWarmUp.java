package io.portcullis.netconf;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Does, ahead of time and on a thread of its own, the one-off work of a process's first SSH connection: loading MINA
 * SSHD's client classes, registering BouncyCastle and initialising the JCA algorithms a key exchange uses (curve25519 and
 * ECDH key agreement, AES-GCM and CTR, HMAC-SHA2, SHA-2, the secure random generator's seed). None of it depends on a
 * router or a setting, and a short command (a {@code plan} of six routers) spent about a second of its start on it
 * after the policy was loaded; started before, it overlaps the policy load and the inventory read.
 *
 * <p>Nothing here is kept: the client is built and dropped without being started, so no thread or socket is left.
 * A failure is ignored: the real connection does the same work again and reports it in its own words.
 */
public final class SshWarmUp {
    private SshWarmUp() {}

    /** Starts the warm-up on a daemon thread (nothing waits for it; a process that exits early does not). */
    public static void inBackground() {
        Thread t = new Thread(SshWarmUp::run, "portcullis-ssh-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1); // the policy load on the main thread comes first
        t.start();
    }

    static void run() {
        try {
            SecurityUtils.isBouncyCastleRegistered(); // registers the provider MINA uses for its key formats
            SshClient client = SshClient.setUpDefaultClient();
            SshAlgorithms.applyStrict(client);
            client.setIoServiceFactoryFactory(new QuickAckIo());
            new SecureRandom().nextBytes(new byte[16]);
            KeyPairGenerator.getInstance("X25519").generateKeyPair();
            KeyPairGenerator.getInstance("EC").initialize(256);
            KeyAgreement.getInstance("X25519");
            KeyAgreement.getInstance("ECDH");
            Cipher.getInstance("AES/GCM/NoPadding");
            Cipher.getInstance("AES/CTR/NoPadding");
            Mac.getInstance("HmacSHA256");
            Mac.getInstance("HmacSHA512");
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
            MessageDigest.getInstance("SHA-512").digest(new byte[1]);
        } catch (Exception | LinkageError e) {
            // only a head start: the first real connection meets (and reports) whatever failed here
        }
    }
}
