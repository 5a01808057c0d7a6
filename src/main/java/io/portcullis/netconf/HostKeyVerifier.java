package io.portcullis.netconf;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * The one server key verifier of our shared SshClient. It reads each connection's {@link Endpoint} from the
 * connection context and checks the key against that device's known_hosts file, recording why a key was refused so
 * the failure can be classified (unknown vs CHANGED). Never accepts everything unless the device says OFF.
 */
final class HostKeyVerifier implements ServerKeyVerifier {
    private static final System.Logger LOG = System.getLogger(HostKeyVerifier.class.getName());
    static final AttributeKey<Endpoint> ENDPOINT = new AttributeKey<>();
    static final AttributeKey<Attempt> ATTEMPT = new AttributeKey<>();

    /**
     * What happened to one connection attempt's host key. Kept in the connection context, not in session
     * attributes, because MINA clears session attributes when a refused session closes (a race we lost in tests).
     */
    static final class Attempt {
        volatile Failure refusal;
        volatile String fingerprint;
    }

    static Attempt attempt(ClientSession session) {
        Attempt a = session.getConnectionContext() == null
                ? null
                : session.getConnectionContext().getAttribute(ATTEMPT);
        return a == null ? new Attempt() : a;
    }

    private final Map<Path, KnownHostsServerKeyVerifier> strict = new ConcurrentHashMap<>();
    private final Map<Path, KnownHostsServerKeyVerifier> acceptNew = new ConcurrentHashMap<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        Endpoint endpoint = session.getConnectionContext() == null
                ? null
                : session.getConnectionContext().getAttribute(ENDPOINT);
        String fingerprint = KeyUtils.getFingerPrint(key);
        attempt(session).fingerprint = fingerprint;
        if (endpoint == null) {
            attempt(session).refusal = Failure.HOST_KEY_UNKNOWN;
            return false;
        }
        if (endpoint.hostKeyPolicy() == HostKeyPolicy.OFF) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "HOST KEY CHECKING IS OFF for {0}: accepting {1} {2} unverified; "
                            + "anyone on the path can impersonate this device (lab use only)",
                    endpoint.address(),
                    KeyUtils.getKeyType(key),
                    fingerprint);
            return true;
        }
        Path file = endpoint.knownHosts().toAbsolutePath().normalize();
        KnownHostsServerKeyVerifier v = endpoint.hostKeyPolicy() == HostKeyPolicy.ACCEPT_NEW
                ? acceptNew.computeIfAbsent(file, f -> verifier(f, true))
                : strict.computeIfAbsent(file, f -> verifier(f, false));
        return v.verifyServerKey(session, remote, key);
    }

    private static KnownHostsServerKeyVerifier verifier(Path file, boolean enrol) {
        ServerKeyVerifier unknown = (session, remote, key) -> {
            if (enrol) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "enrolled new host key {0} for {1} into {2}",
                        KeyUtils.getFingerPrint(key),
                        remote,
                        file);
                return true;
            }
            attempt(session).refusal = Failure.HOST_KEY_UNKNOWN;
            return false;
        };
        KnownHostsServerKeyVerifier v = new KnownHostsServerKeyVerifier(unknown, file) {
            @Override
            public boolean acceptModifiedServerKey(
                    ClientSession session,
                    SocketAddress remote,
                    KnownHostEntry entry,
                    PublicKey expected,
                    PublicKey actual) {
                // never auto-update: a changed key is an alarm
                attempt(session).refusal = Failure.HOST_KEY_CHANGED;
                LOG.log(
                        System.Logger.Level.ERROR,
                        "HOST KEY CHANGED for {0}: known_hosts has {1}, server presented {2}; " + "refused",
                        remote,
                        KeyUtils.getFingerPrint(expected),
                        KeyUtils.getFingerPrint(actual));
                return false;
            }
        };
        v.setModifiedServerKeyAcceptor(v);
        return v;
    }
}
