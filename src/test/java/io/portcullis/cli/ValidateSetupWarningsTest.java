package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * issue 13 item 5: {@code validate} warns (exit 0) about what plan would hit at connect time — a missing or
 * world-readable password file, a missing known_hosts — and refuses (exit 1) router names and hostnames that could
 * escape a directory or carry shell or terminal-escape characters, quoting them safely.
 */
class ValidateSetupWarningsTest {
    private static CliRun validate(Path dir, String hosts) throws Exception {
        Files.createDirectories(dir.resolve("inv"));
        Files.writeString(dir.resolve("inv/hosts.yaml"), hosts);
        return CliRun.run(
                "validate",
                "--policy",
                "policy",
                "--inventory",
                dir.resolve("inv").toString());
    }

    private static String host(String name, String hostname, String extra) {
        return yaml(name) + ":\n  hostname: " + yaml(hostname) + "\n  platform: junos\n  username: u\n" + extra
                + "  attach:\n    interfaces: [ge-0/0/0.1]\n";
    }

    /** A YAML double-quoted scalar; control characters as \\xNN escapes (YAML refuses them raw, not escaped). */
    private static String yaml(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20) {
                b.append(String.format("\\x%02x", (int) c));
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Test
    void missingAndWorldReadableSecretsAndAMissingKnownHostsFileAreWarnings(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("inv"));
        Path open = Files.writeString(dir.resolve("inv/open-password"), "Sentinel-Not-Printed-44");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path closed = Files.writeString(dir.resolve("inv/closed-password"), "Sentinel-Not-Printed-45");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("inv/known_hosts"), "");
        CliRun r = validate(
                dir,
                host("r1", "192.0.2.1", "  password-file: missing-password\n  known-hosts: known_hosts\n")
                        + host("r2", "192.0.2.2", "  password-file: open-password\n  known-hosts: known_hosts\n")
                        + host(
                                "r3",
                                "192.0.2.3",
                                "  password-file: closed-password\n  known-hosts: nowhere/known_hosts\n"));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err())
                .contains("warning: password-file " + dir.resolve("inv/missing-password") + " does not exist; plan and"
                        + " apply will fail with AUTH_FAILED for r1");
        assertThat(r.err())
                .contains("warning: password-file " + dir.resolve("inv/open-password") + " is readable by every user"
                        + " of this machine; chmod 600 it");
        assertThat(r.err())
                .contains("warning: known-hosts " + dir.resolve("inv/nowhere/known_hosts") + " does not exist;"
                        + " strict host key checking will refuse every connection to r3");
        assertThat(r.err()).doesNotContain("closed-password").doesNotContain("Sentinel-Not-Printed");
        assertThat(r.out()).contains("3 warnings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../../etc", "r1;rm -rf", "r1$(id)", "evil\u001b[2J", "a b", "-oProxyCommand"})
    void oddRouterNamesAreRefusedOutright(String name, @TempDir Path dir) throws Exception {
        CliRun r = validate(dir, host(name, "192.0.2.1", "  password-env: X\n"));
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err())
                .contains("host name '")
                .containsAnyOf("is empty", "is not allowed")
                .doesNotContain("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "host;reboot", "-oProxyCommand=sh", "a b", "x\u001b]0;pwn\u0007", "`id`"})
    void oddHostnamesAreRefusedOutright(String hostname, @TempDir Path dir) throws Exception {
        CliRun r = validate(dir, host("r1", hostname, "  password-env: X\n"));
        assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err())
                .contains("hostname '")
                .contains("is not a DNS name or IP address")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "2001:db8::1", "bng-tor-01.example.net", "router_7"})
    void ordinaryHostnamesPass(String hostname, @TempDir Path dir) throws Exception {
        CliRun r = validate(dir, host("r1", hostname, "  password-env: X\n  host-key-checking: 'off'\n"));
        assertThat(r.exit()).as(r.all()).isZero();
    }
}
