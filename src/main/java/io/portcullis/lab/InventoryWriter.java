package io.portcullis.lab;

import io.portcullis.lab.device.SimDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Writes a design.md §5 inventory for a fleet: hosts.yaml (platform, port, attach points), groups.yaml
 * (credentials by reference: username and password-env, never the password), defaults.yaml (strict host
 * key checking against the written known_hosts).
 */
final class InventoryWriter {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final LabFleet fleet;

    InventoryWriter(LabFleet fleet) {
        this.fleet = fleet;
    }

    void write(Path dir, String passwordEnv) throws IOException {
        if (!ENV_NAME.matcher(passwordEnv).matches()) {
            throw new IllegalArgumentException("'" + passwordEnv + "' is not an environment variable name");
        }
        Files.createDirectories(dir);
        StringBuilder hosts = new StringBuilder("# Written by `portcullis lab`: the simulated fleet on loopback.\n");
        for (SimDevice d : fleet.devices()) {
            LabPlatform p = fleet.platformOf(d);
            hosts.append(d.name())
                    .append(":\n")
                    .append("  hostname: 127.0.0.1\n")
                    .append("  port: ")
                    .append(d.port())
                    .append('\n')
                    .append("  platform: ")
                    .append(p.id())
                    .append('\n')
                    .append("  groups: [lab, ")
                    .append(p.id())
                    .append("]\n");
            if (!p.interfaces().isEmpty() || !p.profiles().isEmpty()) {
                hosts.append("  attach:\n"); // vrp has none: its bindings are not expressible yet
            }
            if (!p.interfaces().isEmpty()) {
                hosts.append("    interfaces: ").append(list(p.interfaces())).append('\n');
            }
            if (!p.profiles().isEmpty()) {
                hosts.append("    profiles: ").append(list(p.profiles())).append('\n');
            }
        }
        StringBuilder groups = new StringBuilder(
                        "# Credentials by reference only: the password is in the environment variable.\n")
                .append("lab:\n  username: ")
                .append(quote(fleet.username()))
                .append("\n  password-env: ")
                .append(passwordEnv)
                .append('\n');
        for (LabPlatform p : LabPlatform.values()) {
            groups.append(p.id()).append(": {}\n");
        }
        String defaults = """
                # Simulated routers: every host key is pinned in known_hosts, so checking stays strict.
                host-key-checking: strict
                known-hosts: known_hosts
                confirm-timeout: 120
                """;
        Files.writeString(dir.resolve("hosts.yaml"), hosts, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("groups.yaml"), groups, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("defaults.yaml"), defaults, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("known_hosts"), knownHosts(fleet.devices()), StandardCharsets.UTF_8);
    }

    static String knownHosts(List<SimDevice> devices) {
        StringBuilder sb = new StringBuilder();
        for (SimDevice d : devices) {
            try {
                sb.append("[127.0.0.1]:").append(d.port()).append(' ');
                PublicKeyEntry.appendPublicKeyEntry(sb, d.hostKey().getPublic());
                sb.append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    private static String list(List<String> items) {
        return "["
                + String.join(", ", items.stream().map(InventoryWriter::quote).toList()) + "]";
    }

    /** YAML-safe scalar: names like ge-1/0/0.100 or $junos… are quoted. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
