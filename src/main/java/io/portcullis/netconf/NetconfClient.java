package io.portcullis.netconf;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens NETCONF sessions over SSH. One client serves any number of devices and sessions: it owns one MINA
 * {@link SshClient} (one I/O thread pool) and one deadline timer thread; a session costs no thread of its own.
 *
 * <p>Secure by default: host keys checked against known_hosts (STRICT unless the endpoint says otherwise), only the
 * configured password or key file is offered (nothing from ~/.ssh, no agent, no ssh config, no keyboard-interactive),
 * weak algorithms refused, TCP_NODELAY, heartbeat with replies, bounded read/window/auth timeouts.
 */
public final class NetconfClient implements AutoCloseable {
    private static final java.time.Duration BACKSTOP = java.time.Duration.ofSeconds(5);
    /** Longest TCP connect a per-router limit gets before MINA's backstop timer fires; a connect takes seconds or never. */
    private static final java.time.Duration LONGEST_ROUTER_CONNECT = java.time.Duration.ofMinutes(2);

    private final ClientSettings settings;
    private final SshClient ssh;
    private final ScheduledThreadPoolExecutor timer;

    private NetconfClient(ClientSettings settings) {
        this.settings = settings;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "netconf-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.ssh = SshClient.setUpDefaultClient();
        ssh.setIoServiceFactoryFactory(new QuickAckIo()); // no 40 ms delayed-ACK stalls against OpenSSH servers
        ssh.setServerKeyVerifier(new HostKeyVerifier());
        ssh.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        ssh.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        ssh.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
        ssh.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        ssh.setAgentFactory(null);

        SshAlgorithms.applyStrict(ssh);
        CoreModuleProperties.TCP_NODELAY.set(ssh, true);
        CoreModuleProperties.SOCKET_KEEPALIVE.set(ssh, true);
        // MINA's own connect and auth timers only back ours up: were they equal, MINA could win the race and fail the
        // attempt as "Session is being closed" or a bare ConnectException, and a timeout would be reported as
        // "unreachable". Ours classify (CONNECT_TIMEOUT) and close; MINA's fire only if ours somehow did not.
        // a router's own (inventory) limit may be longer than the client's: the connect backstop must not cut it short
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(
                ssh, max(settings.connectTimeout(), LONGEST_ROUTER_CONNECT).plus(BACKSTOP));
        CoreModuleProperties.AUTH_TIMEOUT.set(
                ssh, settings.connectTimeout().plus(settings.authTimeout()).plus(BACKSTOP));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(ssh, settings.heartbeatInterval());
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(ssh, settings.heartbeatInterval());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(ssh, settings.heartbeatMaxMisses());
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(ssh, settings.readTimeout());
        CoreModuleProperties.WINDOW_TIMEOUT.set(ssh, settings.windowTimeout());
        // MINA 2.20 blocking channel streams wait for window space under this property, not WINDOW_TIMEOUT
        CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(ssh, settings.windowTimeout());
        CoreModuleProperties.PASSWORD_PROMPTS.set(ssh, 1);
        ssh.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                // runs before the key exchange starts: per-device algorithm exceptions go in here
                AttributeRepository ctx = session instanceof ClientSession cs ? cs.getConnectionContext() : null;
                Endpoint e = ctx == null ? null : ctx.getAttribute(HostKeyVerifier.ENDPOINT);
                if (e != null && !e.weakAlgorithmExceptions().isEmpty()) {
                    SshAlgorithms.applyExceptions(session, e.weakAlgorithmExceptions());
                }
            }
        });
        ssh.start();
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static NetconfClient create(ClientSettings settings) {
        return new NetconfClient(settings);
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Connects, authenticates, opens the netconf subsystem and exchanges hellos; every step is time-bounded. */
    public NetconfSession connect(Endpoint endpoint) throws NetconfException {
        return connect(endpoint, null);
    }

    /**
     * As {@link #connect(Endpoint)}, with this router's own limit (the inventory's {@code timeout:}) for each step of
     * the handshake — TCP connect plus key exchange, authentication, hello — and as the session's default RPC timeout,
     * instead of the client-wide settings; null keeps the client's. A router whose handshake stalls is classified
     * within its own limit, not the fleet's.
     */
    public NetconfSession connect(Endpoint endpoint, java.time.Duration routerTimeout) throws NetconfException {
        return connect(endpoint, routerTimeout, MessageTrace.NONE);
    }

    /** As {@link #connect(Endpoint, java.time.Duration)}, showing every NETCONF message of the session to {@code trace}. */
    public NetconfSession connect(Endpoint endpoint, java.time.Duration routerTimeout, MessageTrace trace)
            throws NetconfException {
        ClientSettings settings = routerTimeout == null
                ? this.settings
                : this.settings
                        .withConnectTimeout(routerTimeout)
                        .withAuthTimeout(routerTimeout)
                        .withHelloTimeout(routerTimeout)
                        .withRpcTimeout(routerTimeout);
        String where = endpoint.address();
        ClientSession session = null;
        HostKeyVerifier.Attempt attempt = new HostKeyVerifier.Attempt();
        try {
            ConnectFuture cf = ssh.connect(
                    endpoint.username(),
                    endpoint.host(),
                    endpoint.port(),
                    AttributeRepository.ofAttributesMap(
                            Map.of(HostKeyVerifier.ENDPOINT, endpoint, HostKeyVerifier.ATTEMPT, attempt)),
                    null);
            if (!cf.await(settings.connectTimeout().toMillis())) {
                cf.cancel();
                throw new NetconfException(
                        Failure.CONNECT_TIMEOUT,
                        "no TCP connection to " + where + " within " + NetconfSession.seconds(settings.connectTimeout())
                                + "; check reachability and filters");
            }
            if (cf.getException() != null) {
                throw classifyConnect(cf.getException(), where, settings.connectTimeout());
            }
            session = cf.getSession();
            if (routerTimeout != null && settings.authTimeout().compareTo(this.settings.authTimeout()) > 0) {
                // MINA's own auth timer is only a backstop behind ours: keep it behind this router's longer limit too
                CoreModuleProperties.AUTH_TIMEOUT.set(
                        session,
                        settings.connectTimeout().plus(settings.authTimeout()).plus(BACKSTOP));
            }
            addIdentity(session, endpoint);
            AuthFuture auth = session.auth();
            if (!auth.await(settings.authTimeout().toMillis()) && !auth.isDone()) {
                throw classifyAuth(attempt, null, where, true);
            }
            if (!auth.isSuccess()) {
                throw classifyAuth(attempt, auth.getException(), where, false);
            }
            Map<String, String> algorithms = SshAlgorithms.negotiated(session);
            List<String> weak = SshAlgorithms.weakInUse(algorithms);
            if (!weak.isEmpty()) {
                System.getLogger(NetconfClient.class.getName())
                        .log(
                                System.Logger.Level.WARNING,
                                "{0} uses weak SSH algorithm(s) {1} under a per-device exception",
                                where,
                                weak);
            }
            TransportInfo info = new TransportInfo(
                    algorithms, weak, attempt.fingerprint, endpoint.hostKeyPolicy() == HostKeyPolicy.OFF);
            ChannelSubsystem channel = session.createSubsystemChannel("netconf");
            SshTransport transport = new SshTransport(session, channel, where, settings.helloTimeout(), info);
            return NetconfSession.establish(transport, settings, timer, trace);
        } catch (NetconfException e) {
            closeQuietly(session);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw session == null
                    ? classifyConnect(e, where, settings.connectTimeout())
                    : classifyAuth(attempt, e, where, false);
        }
    }

    private static void addIdentity(ClientSession session, Endpoint endpoint) throws NetconfException {
        if (endpoint.credential() instanceof Credential.Password p) {
            session.addPasswordIdentity(new String(p.secret()));
            return;
        }
        Credential.PrivateKey k = (Credential.PrivateKey) endpoint.credential();
        char[] phrase = k.passphrase();
        FilePasswordProvider provider =
                phrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(new String(phrase));
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(k.keyFile())) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(
                    session, NamedResource.ofName(k.keyFile().toString()), in, provider);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new NetconfException(
                    Failure.LOCAL,
                    "cannot read private key file " + k.keyFile() + " for " + endpoint.address() + " ("
                            + e.getClass().getSimpleName() + "); check path, format and passphrase");
        }
        if (keys.isEmpty()) {
            throw new NetconfException(Failure.LOCAL, "private key file " + k.keyFile() + " holds no usable key");
        }
        keys.forEach(session::addPublicKeyIdentity);
    }

    /**
     * MINA's own connect timer (IO_CONNECT_TIMEOUT, the same limit as our await) can win the race and fail the
     * future with {@code ConnectException("I/O connection time-out ... expired")} caused by a {@code TimeoutException}:
     * that is a timeout, not a refusal, so any timeout anywhere in the chain is checked first.
     */
    static NetconfException classifyConnect(Throwable t, String where, java.time.Duration limit) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.util.concurrent.TimeoutException
                    || c instanceof SocketTimeoutException
                    || c instanceof java.nio.channels.InterruptedByTimeoutException) {
                return new NetconfException(
                        Failure.CONNECT_TIMEOUT,
                        "no TCP connection to " + where + " within " + NetconfSession.seconds(limit)
                                + "; check reachability and filters",
                        t);
            }
        }
        Throwable root = rootCause(t);
        if (root instanceof ConnectException) {
            return new NetconfException(
                    Failure.CONNECT_REFUSED,
                    "connection to " + where
                            + " refused; nothing listens there (check host, port and that NETCONF is enabled)",
                    t);
        }
        if (root instanceof UnknownHostException || root instanceof NoRouteToHostException) {
            return new NetconfException(Failure.CONNECT_FAILED, "cannot reach " + where + ": " + root.getMessage(), t);
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new NetconfException(Failure.CONNECT_FAILED, "cannot connect to " + where + ": " + why, t);
    }

    private static NetconfException classifyAuth(
            HostKeyVerifier.Attempt attempt, Throwable t, String where, boolean timedOut) {
        Failure refusal = attempt.refusal;
        String fp = attempt.fingerprint;
        if (refusal == Failure.HOST_KEY_CHANGED) {
            return new NetconfException(
                    refusal,
                    "HOST KEY CHANGED for " + where + " (server now presents " + fp
                            + "); refused: this may be an attack; verify the device, then update known_hosts deliberately",
                    t);
        }
        if (refusal == Failure.HOST_KEY_UNKNOWN) {
            return new NetconfException(
                    refusal,
                    "host key " + fp + " of " + where
                            + " is not in known_hosts; refused (enrol it deliberately, e.g. host-key-checking accept-new once)",
                    t);
        }
        String msg = t == null ? "" : String.valueOf(rootCause(t).getMessage());
        if (msg.contains("negotiate") || msg.contains("No matching")) {
            return new NetconfException(
                    Failure.ALGORITHM_REFUSED,
                    "no acceptable SSH algorithms with " + where + " (" + msg
                            + "); weak algorithms need an explicit per-device exception",
                    t);
        }
        if (timedOut) {
            return new NetconfException(
                    Failure.CONNECT_TIMEOUT,
                    "SSH handshake/authentication with " + where + " did not finish in time",
                    t);
        }
        if (t instanceof NetconfException ne) {
            return ne;
        }
        if (msg.contains("authentication") || msg.contains("No more authentication methods")) {
            return new NetconfException(
                    Failure.AUTH_FAILED,
                    "authentication to " + where + " failed; check the user name and credential",
                    t);
        }
        return new NetconfException(Failure.CONNECT_FAILED, "SSH session with " + where + " failed: " + msg, t);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }

    /** Stops the SSH client (closing every session it opened) and the timer thread. */
    @Override
    public void close() {
        try {
            ssh.stop();
        } finally {
            timer.shutdownNow();
            try {
                timer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
