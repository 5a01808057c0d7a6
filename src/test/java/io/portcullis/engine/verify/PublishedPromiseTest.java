package io.portcullis.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.Workspace;
import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Severity;
import io.portcullis.verify.Fate;
import io.portcullis.verify.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published promise ({@code promise.yaml} beside the policy) as an invariant: every way of weakening the policy
 * that its own proof cannot see (it proves whatever the policy says) is caught against the promise with a
 * counterexample packet, on the compiled IR and on each platform's rendered read-back; a change of the promise in
 * the same tree lets it through; exemptions wider than max-exemption are refused at load.
 */
class PublishedPromiseTest {
    static final String SNMP = """
                - name: snmp
                  protocol: udp
                  ports: [161]
                  address-family: [ipv4, ipv6]
            """;
    static final String SMTP = """
                - name: smtp
                  protocol: tcp
                  ports: [25, 465, 587, 2525]
                  address-family: [ipv4, ipv6]
            """;

    @TempDir
    Path dir;

    private Workspace workspace(String services, String exemptions, String promise) throws IOException {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        Files.writeString(
                policy.resolve("p.yaml"),
                "portcullis-policy:policy:\n  name: test\n  service:\n" + services
                        + (exemptions == null ? "" : "  exemption:\n" + exemptions));
        if (promise != null) {
            Files.writeString(policy.resolve("promise.yaml"), promise);
        }
        return Workspace.load(policy, Path.of("inventory"), null);
    }

    private static String shippedPromise() throws IOException {
        return Files.readString(Path.of("policy/promise.yaml"));
    }

    private VerifyRun verify(String services) throws IOException {
        Workspace w = workspace(services, null, shippedPromise());
        assertThat(w.hasErrors()).as(w.diagnostics().toString()).isFalse();
        return VerifyRun.of(w, w.devices());
    }

    private static List<Violation> promiseViolations(VerifyRun run) {
        return run.promiseChecks().stream()
                .flatMap(c -> c.compiled().violations().stream())
                .toList();
    }

    @Test
    void theShippedPolicyKeepsTheShippedPromiseOnEveryPlatform() {
        Workspace w = Workspace.load(Path.of("policy"), Path.of("inventory"), null);
        assertThat(w.promise()).isPresent();
        VerifyRun run = VerifyRun.of(w, w.devices());
        assertThat(run.promiseChecks()).hasSize(6).allSatisfy(c -> {
            assertThat(c.proven()).as(c.device()).isTrue();
            assertThat(c.readBack()).as(c.device() + " read-back proven too").isNotNull();
        });
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.PROVEN);
    }

    @Test
    void removingSmtpPassesThePolicysOwnProofButBreaksThePromise() throws IOException {
        VerifyRun run = verify(SNMP);
        assertThat(run.devices()).allSatisfy(d -> assertThat(d.status()).isEqualTo(RouterVerification.Status.PROVEN));
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.VIOLATED);
        assertThat(run.promiseChecks()).allSatisfy(c -> {
            assertThat(c.proven()).isFalse();
            assertThat(c.readBack().proven())
                    .as(c.device() + " rendering also disproved")
                    .isFalse();
        });
        assertThat(promiseViolations(run)).anySatisfy(v -> {
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
            assertThat(v.packet().protocol().number()).isEqualTo(6);
            assertThat(List.of(25, 465, 587, 2525)).contains(v.packet().destinationPort());
            assertThat(v.obligation()).contains("smtp");
        });
    }

    @Test
    void goingIpv4OnlyBreaksThePromiseWithAnIpv6Counterexample() throws IOException {
        VerifyRun run = verify(SNMP + SMTP.replace("[ipv4, ipv6]", "[ipv4]"));
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.VIOLATED);
        assertThat(promiseViolations(run)).anySatisfy(v -> {
            assertThat(v.packet().family().id()).isEqualTo("ipv6");
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
        });
    }

    @Test
    void blockingUdpInsteadOfTcpBreaksThePromiseBothWays() throws IOException {
        VerifyRun run = verify(SNMP + SMTP.replace("protocol: tcp", "protocol: udp"));
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.VIOLATED);
        List<Violation> vs = promiseViolations(run);
        assertThat(vs).anySatisfy(v -> {
            assertThat(v.packet().protocol().number()).isEqualTo(6);
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
        });
        assertThat(vs).anySatisfy(v -> {
            assertThat(v.packet().protocol().number()).isEqualTo(17);
            assertThat(v.packet().destinationPort()).isIn(25, 465, 587, 2525);
            assertThat(v.expected())
                    .as("UDP to the SMTP ports was never promised blocked")
                    .isEqualTo(Fate.FORWARDED);
        });
    }

    @Test
    void blockingSomethingElseBreaksNothingElseIsBlocked() throws IOException {
        VerifyRun run = verify(SNMP + SMTP + """
                - name: telnet
                  protocol: tcp
                  ports: [23]
                  address-family: [ipv4, ipv6]
            """);
        assertThat(run.devices()).allSatisfy(d -> assertThat(d.status()).isEqualTo(RouterVerification.Status.PROVEN));
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.VIOLATED);
        assertThat(promiseViolations(run)).anySatisfy(v -> {
            assertThat(v.packet().destinationPort()).isEqualTo(23);
            assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        });
    }

    @Test
    void changingThePromiseWithThePolicyLetsTheChangeThrough() throws IOException {
        String promise = shippedPromise();
        String withoutSmtp = promise.substring(0, promise.indexOf("    - name: smtp"));
        Workspace w = workspace(SNMP, null, withoutSmtp);
        assertThat(w.hasErrors()).as(w.diagnostics().toString()).isFalse();
        VerifyRun run = VerifyRun.of(w, w.devices());
        assertThat(run.promise().blocked()).hasSize(1);
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.PROVEN);
    }

    @Test
    void anExemptionWiderThanMaxExemptionIsRefusedAndANarrowOneIsProven() throws IOException {
        String wide = """
                - name: everyone
                  service: smtp
                  prefix: [0.0.0.0/0]
                  reason: test
            """;
        Workspace w = workspace(SNMP + SMTP, wide, shippedPromise());
        assertThat(w.hasErrors()).isTrue();
        assertThat(w.diagnostics())
                .filteredOn(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::format)
                .anySatisfy(m -> assertThat(m)
                        .contains("exemption 'everyone' prefix 0.0.0.0/0 is wider than /24")
                        .contains("p.yaml:"));

        Files.delete(dir.resolve("policy/promise.yaml"));
        Workspace noPromise = workspace(SNMP + SMTP, wide.replace("0.0.0.0/0", "2001:db8::/32"), null);
        assertThat(noPromise.diagnostics()).map(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("2001:db8::/32 is wider than /48")
                .contains("the default"));

        Workspace narrow = workspace(SNMP + SMTP, wide.replace("0.0.0.0/0", "198.51.100.0/24"), shippedPromise());
        assertThat(narrow.hasErrors()).as(narrow.diagnostics().toString()).isFalse();
        VerifyRun run = VerifyRun.of(narrow, narrow.devices());
        assertThat(run.outcome()).isEqualTo(VerifyRun.Outcome.PROVEN);

        Workspace configured = workspace(
                SNMP + SMTP,
                wide.replace("0.0.0.0/0", "198.51.0.0/16"),
                shippedPromise().replace("ipv4: 24", "ipv4: 16"));
        assertThat(configured.hasErrors()).as("max-exemption is the setting").isFalse();
    }

    @Test
    void aBrokenPromiseFileIsAnErrorWithFileAndLine() throws IOException {
        Workspace w = workspace(SNMP + SMTP, null, shippedPromise().replace("ports: [161]", "ports: [\"0161\"]"));
        assertThat(w.hasErrors()).isTrue();
        // the line the shipped file holds SNMP's ports on, counted from the file rather than written down
        List<String> lines = shippedPromise().lines().toList();
        int portsLine = lines.indexOf(lines.stream()
                        .filter(l -> l.contains("ports: [161]"))
                        .findFirst()
                        .orElseThrow())
                + 1;
        assertThat(w.diagnostics()).map(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("promise.yaml:" + portsLine + ":")
                .contains("'0161' is not a decimal port"));
        Workspace unknown =
                workspace(SNMP + SMTP, null, shippedPromise().replace("direction: to-subscriber\n", "directoin: x\n"));
        assertThat(unknown.diagnostics()).map(Diagnostic::format).anySatisfy(m -> assertThat(m)
                .contains("unknown key 'directoin'"));
    }

    @Test
    void hostBitsInAnExemptionPrefixWarnNamingThePrefixAsWritten() throws IOException {
        Workspace w = workspace(SNMP + SMTP, """
                - name: mail-host
                  service: smtp
                  prefix: [198.51.100.7/24]
                  reason: test
            """, shippedPromise());
        assertThat(w.hasErrors()).as(w.diagnostics().toString()).isFalse();
        assertThat(w.diagnostics())
                .filteredOn(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::format)
                .anySatisfy(m -> assertThat(m)
                        .contains("'198.51.100.7/24' has host bits set")
                        .contains("198.51.100.0/24"));
    }
}
