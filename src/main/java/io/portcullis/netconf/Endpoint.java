package io.portcullis.netconf;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * One device to connect to.
 *
 * @param host host name or address
 * @param port NETCONF port (830, or 22 on Junos)
 * @param username SSH user
 * @param credential password or private key file
 * @param knownHosts OpenSSH known_hosts file ({@code [host]:port} entries); required unless policy is OFF
 * @param hostKeyPolicy STRICT (default), ACCEPT_NEW or OFF
 * @param weakAlgorithmExceptions algorithm names this device may use although our policy refuses them (e.g.
 *     "ssh-rsa", "diffie-hellman-group14-sha1"); reported in {@link TransportInfo#weakAlgorithmsInUse()}
 */
public record Endpoint(
        String host,
        int port,
        String username,
        Credential credential,
        Path knownHosts,
        HostKeyPolicy hostKeyPolicy,
        Set<String> weakAlgorithmExceptions) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
        weakAlgorithmExceptions = Set.copyOf(weakAlgorithmExceptions == null ? Set.of() : weakAlgorithmExceptions);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (knownHosts == null && hostKeyPolicy != HostKeyPolicy.OFF) {
            throw new IllegalArgumentException("a known_hosts file is required unless host key checking is OFF");
        }
    }

    /** Strict host key checking, no algorithm exceptions. */
    public static Endpoint of(String host, int port, String username, Credential credential, Path knownHosts) {
        return new Endpoint(host, port, username, credential, knownHosts, HostKeyPolicy.STRICT, Set.of());
    }

    public Endpoint withHostKeyPolicy(HostKeyPolicy policy) {
        return new Endpoint(host, port, username, credential, knownHosts, policy, weakAlgorithmExceptions);
    }

    public Endpoint withWeakAlgorithmExceptions(Set<String> names) {
        return new Endpoint(host, port, username, credential, knownHosts, hostKeyPolicy, names);
    }

    /** "host:port" for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
