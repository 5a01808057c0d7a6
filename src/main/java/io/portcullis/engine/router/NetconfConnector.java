package io.portcullis.engine.router;

import io.portcullis.inventory.Credentials;
import io.portcullis.inventory.Device;
import io.portcullis.netconf.ChangedBy;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.HostKeyPolicy;
import io.portcullis.netconf.MessageTrace;
import io.portcullis.netconf.NetconfClient;
import io.portcullis.netconf.NetconfException;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.Notification;
import io.portcullis.netconf.rpc.CreateSubscription;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sessions over our NETCONF client: one {@link NetconfClient} (one SSH client, one I/O pool) for all
 * routers of a run. Credentials are resolved here, at connect time, from the environment variable
 * or file the inventory names; they are never logged or put in messages.
 */
public final class NetconfConnector implements RouterConnector {
    private final NetconfClient client;
    private final Function<String, String> env;
    private final MessageTrace trace;

    public NetconfConnector(ClientSettings settings, Function<String, String> env) {
        this(settings, env, MessageTrace.NONE);
    }

    /** @param trace sees every NETCONF message of every session, under the router's name (the {@code --verbose} trace) */
    public NetconfConnector(ClientSettings settings, Function<String, String> env, MessageTrace trace) {
        this.client = NetconfClient.create(settings);
        this.env = env;
        this.trace = trace;
    }

    /** Default settings, credentials from the process environment, no trace. */
    public static NetconfConnector create() {
        return create(MessageTrace.NONE);
    }

    public static NetconfConnector create(MessageTrace trace) {
        return new NetconfConnector(ClientSettings.defaults(), System::getenv, trace);
    }

    /** The trace for one router: its inventory name instead of host:port. */
    private MessageTrace traceOf(Device device) {
        return trace == MessageTrace.NONE
                ? trace
                : (peer, sent, message) -> trace.message(device.name(), sent, message);
    }

    @Override
    public RouterSession open(Device device) {
        try {
            return new NetconfRouterSession(
                    device.name(),
                    client.connect(endpoint(device), device.rpcTimeout().orElse(null), traceOf(device)),
                    device.rpcTimeout().orElse(null));
        } catch (NetconfException e) {
            throw NetconfRouterSession.classify(device.name(), e);
        }
    }

    @Override
    public Subscription subscribe(Device device, Consumer<ConfigChange> onChange) {
        NetconfSession s;
        try {
            s = client.connect(endpoint(device), device.rpcTimeout().orElse(null), traceOf(device));
        } catch (NetconfException e) {
            throw NetconfRouterSession.classify(device.name(), e);
        }
        try {
            if (!s.capabilities().has(":notification")) {
                throw new RouterException(
                        RouterException.Kind.PROTOCOL, device.name() + " does not support NETCONF notifications");
            }
            String ownUser =
                    device.credentials() == null ? null : device.credentials().username();
            s.notifications().setListener((Notification n) -> n.configChange()
                    .ifPresent(c -> onChange.accept(new ConfigChange(
                            device.name(),
                            c.datastore(),
                            c.changedBy() == null ? null : c.changedBy().describe(),
                            foreign(c.changedBy(), ownUser)))));
            s.execute(CreateSubscription.defaultStream());
        } catch (NetconfException e) {
            s.close();
            throw NetconfRouterSession.classify(device.name(), e);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return new Subscription() {
            @Override
            public boolean alive() {
                return s.isOpen();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    /** A change by a named user who is not the one Portcullis logs in as: someone else's hand on the router. */
    static boolean foreign(ChangedBy by, String ownUser) {
        return by != null
                && !by.server()
                && by.username() != null
                && !by.username().equals(ownUser);
    }

    Endpoint endpoint(Device d) {
        Credentials c = d.credentials();
        if (c == null || c.username() == null) {
            throw new RouterException(
                    RouterException.Kind.AUTH_FAILED, d.name() + " has no username in the inventory; add 'username:'");
        }
        Credential credential;
        if (c.privateKey() != null) {
            credential = Credential.privateKey(c.privateKey(), null);
        } else if (c.passwordEnv() != null) {
            String secret = env.apply(c.passwordEnv());
            if (secret == null || secret.isEmpty()) {
                throw new RouterException(
                        RouterException.Kind.AUTH_FAILED,
                        "the environment variable " + c.passwordEnv() + " named by the inventory for " + d.name()
                                + " is not set; export it before running");
            }
            credential = Credential.password(secret.toCharArray());
        } else if (c.passwordFile() != null) {
            try {
                credential = Credential.password(
                        Files.readString(c.passwordFile()).strip().toCharArray());
            } catch (IOException | IllegalArgumentException e) {
                throw new RouterException(
                        RouterException.Kind.AUTH_FAILED,
                        "cannot read the password file " + c.passwordFile() + " for " + d.name()
                                + "; check the path and permissions");
            }
        } else {
            throw new RouterException(
                    RouterException.Kind.AUTH_FAILED,
                    d.name() + " has no credential in the inventory; add password-env, password-file or private-key");
        }
        HostKeyPolicy policy =
                switch (d.hostKeyChecking() == null
                        ? io.portcullis.inventory.HostKeyChecking.STRICT
                        : d.hostKeyChecking()) {
                    case STRICT -> HostKeyPolicy.STRICT;
                    case ACCEPT_NEW -> HostKeyPolicy.ACCEPT_NEW;
                    case OFF -> HostKeyPolicy.OFF;
                };
        try {
            return new Endpoint(
                    d.hostname(),
                    d.port(),
                    c.username(),
                    credential,
                    d.knownHosts(),
                    policy,
                    new HashSet<>(d.algorithmExceptions() == null ? Set.of() : Set.copyOf(d.algorithmExceptions())));
        } catch (IllegalArgumentException e) {
            throw new RouterException(
                    RouterException.Kind.HOST_KEY,
                    d.name() + ": " + e.getMessage() + "; set known-hosts in the inventory");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
