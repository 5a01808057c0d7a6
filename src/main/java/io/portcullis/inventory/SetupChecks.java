package io.portcullis.inventory;

import io.portcullis.policy.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code validate} can tell before anyone runs {@code plan}: credentials and host keys the inventory refers to
 * that will not be there at connect time (an unset password variable, a missing or world-readable password file, a
 * missing private key or known_hosts file). Warnings, not errors: the environment of the later run may differ from
 * this one. One warning per reference, naming the routers that use it, so a thousand routers on one unset variable
 * give one line. Secrets are never read into a message (a variable is only checked for being set).
 */
public final class SetupChecks {
    private static final int NAMES_SHOWN = 3;

    private SetupChecks() {}

    public static List<Diagnostic> check(Inventory inventory, List<Device> devices, Function<String, String> env) {
        Map<String, List<Device>> problems = new LinkedHashMap<>();
        for (Device d : devices) {
            Credentials c = d.credentials();
            if (c != null && c.privateKey() == null && c.passwordEnv() != null) {
                String v = env.apply(c.passwordEnv());
                if (v == null || v.isEmpty()) {
                    add(
                            problems,
                            "password-env " + c.passwordEnv()
                                    + " is not set in this environment; plan and apply will fail"
                                    + " with AUTH_FAILED for",
                            d);
                }
            }
            if (c != null && c.privateKey() == null && c.passwordEnv() == null && c.passwordFile() != null) {
                fileProblem(c.passwordFile(), "password-file", true).ifPresent(p -> add(problems, p, d));
            }
            if (c != null && c.privateKey() != null) {
                fileProblem(c.privateKey(), "private-key", true).ifPresent(p -> add(problems, p, d));
            }
            if (d.hostKeyChecking() != HostKeyChecking.OFF
                    && d.knownHosts() != null
                    && !Files.isRegularFile(d.knownHosts())) {
                add(
                        problems,
                        "known-hosts " + d.knownHosts() + " does not exist; "
                                + (d.hostKeyChecking() == HostKeyChecking.ACCEPT_NEW
                                        ? "accept-new will enrol whatever key answers first for"
                                        : "strict host key checking will refuse every connection to"),
                        d);
            } else if (d.hostKeyChecking() != HostKeyChecking.OFF && d.knownHosts() == null) {
                add(problems, "no known-hosts file is set; host key checking will refuse every connection to", d);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        problems.forEach((message, routers) -> {
            List<String> names = routers.stream().map(Device::name).toList();
            String who = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                    + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
            int line = inventory.hostLines().getOrDefault(routers.get(0).name(), 0);
            out.add(Diagnostic.warning(
                    inventory.hostsFile(), line, "/" + routers.get(0).name(), message + " " + who));
        });
        return out;
    }

    private static void add(Map<String, List<Device>> problems, String message, Device d) {
        problems.computeIfAbsent(message, k -> new ArrayList<>()).add(d);
    }

    private static java.util.Optional<String> fileProblem(Path file, String key, boolean secret) {
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.of(
                    key + " " + file + " does not exist; plan and apply will fail with AUTH_FAILED for");
        }
        if (!Files.isReadable(file)) {
            return java.util.Optional.of(
                    key + " " + file + " cannot be read by this user; plan and apply will fail for");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (secret && perms.contains(PosixFilePermission.OTHERS_READ)) {
                return java.util.Optional.of(
                        key + " " + file + " is readable by every user of this machine; chmod 600 it (a secret"
                                + " anyone can read is no secret), used by");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to say about permissions
        }
        return java.util.Optional.empty();
    }
}
