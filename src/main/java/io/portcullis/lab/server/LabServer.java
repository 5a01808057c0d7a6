package io.portcullis.lab.server;

import io.portcullis.lab.device.SimDevice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * One MINA {@link SshServer} serving many simulated devices: one acceptor bound to one loopback port per
 * device, shared NIO workers, a small shared RPC worker pool and one timer thread. The device behind a
 * connection is found by the port it was accepted on, and so is its host key: no thread and no
 * server per device, which is what lets a 2-core machine host a thousand of them.
 */
public final class LabServer implements AutoCloseable {
    private final Map<Integer, SimDevice> byPort = new ConcurrentHashMap<>();
    private final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    private final String username;
    private final String password;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Exposed ssh = (Exposed)
            org.apache.sshd.server.ServerBuilder.builder().factory(Exposed::new).build();

    /** SshServer keeps its acceptor protected; binding one port per device needs it. */
    private static final class Exposed extends SshServer {
        IoAcceptor acceptor() {
            return acceptor;
        }
    }

    public LabServer(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        this.workers = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("lab-rpc"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("lab-timer"));
        ssh.setHost("127.0.0.1");
        ssh.setPort(0);
        CoreModuleProperties.TCP_NODELAY.set(ssh, true);
        CoreModuleProperties.IDLE_TIMEOUT.set(ssh, Duration.ofHours(1));
        CoreModuleProperties.AUTH_TIMEOUT.set(ssh, Duration.ofSeconds(30));
        CoreModuleProperties.SOCKET_BACKLOG.set(ssh, 1024);
        CoreModuleProperties.NIO_WORKERS.set(
                ssh, Math.max(2, Runtime.getRuntime().availableProcessors()));
        ssh.setKeyPairProvider(this::hostKeysFor);
        ssh.setPasswordAuthenticator((user, pass, session) -> username.equals(user) && password.equals(pass));
        ssh.setPublickeyAuthenticator((user, key, session) ->
                username.equals(user) && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        ssh.setKeyboardInteractiveAuthenticator(null);
        ssh.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "netconf";
            }

            @Override
            public org.apache.sshd.server.command.Command createSubsystem(
                    org.apache.sshd.server.channel.ChannelSession channel) throws IOException {
                SimDevice d = deviceOf(channel.getServerSession());
                if (d == null) {
                    throw new IOException("no simulated device on this port");
                }
                return new NetconfChannel(LabServer.this, d);
            }
        }));
        ssh.start();
        // start() bound an ephemeral control port; devices get their own ports below
        for (SocketAddress a : Set.copyOf(ssh.acceptor().getBoundAddresses())) {
            ssh.acceptor().unbind(a);
        }
    }

    /** Serves {@code device} on 127.0.0.1:{@code port} (0 = ephemeral) and records the port on the device. */
    public synchronized void serve(SimDevice device, int port) throws IOException {
        Set<SocketAddress> before = new HashSet<>(ssh.acceptor().getBoundAddresses());
        ssh.acceptor().bind(new InetSocketAddress("127.0.0.1", port));
        int actual = port;
        for (SocketAddress a : ssh.acceptor().getBoundAddresses()) {
            if (!before.contains(a) && a instanceof InetSocketAddress isa) {
                actual = isa.getPort();
            }
        }
        device.setPort(actual);
        device.setRestartHook(d -> d.setHostKey(newHostKey()));
        byPort.put(actual, device);
    }

    /** Stops serving a device (connections refused); its sessions are dropped. */
    public synchronized void unserve(SimDevice device) {
        ssh.acceptor().unbind(new InetSocketAddress("127.0.0.1", device.port()));
        byPort.remove(device.port());
        device.reboot();
    }

    /** Public-key authentication accepts this key (for the configured user). */
    public void authorize(PublicKey key) {
        authorizedKeys.add(key);
    }

    ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    private Iterable<KeyPair> hostKeysFor(SessionContext session) {
        SimDevice d = session instanceof ServerSession s ? deviceOf(s) : null;
        return d == null ? List.of() : List.of(d.hostKey());
    }

    private SimDevice deviceOf(ServerSession session) {
        if (session.getIoSession().getAcceptanceAddress() instanceof InetSocketAddress a) {
            return byPort.get(a.getPort());
        }
        return null;
    }

    /**
     * A fresh Ed25519 host key (OpenSSH's default type), or ECDSA P-256 where no EdDSA provider is present.
     * Ed25519 because a fleet of simulated routers pays one host-key signature per connection on the server side
     * and one verification on the client side: with the EdDSA provider MINA uses that is 0.3 ms, with the JDK's
     * P-256 2.3 ms, a tenth of the CPU a simulated connection costs.
     */
    public static KeyPair newHostKey() {
        try {
            if (SecurityUtils.isEDDSACurveSupported()) {
                return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a host key", e);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() throws IOException {
        try {
            ssh.stop(true);
        } finally {
            workers.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
