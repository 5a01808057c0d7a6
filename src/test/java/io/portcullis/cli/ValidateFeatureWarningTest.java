package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis validate} warns, one line per router and feature, when the policy needs a feature the
 * router's platform lacks ({@code <P>Facts.FEATURES}); the exit code stays that of a valid policy.
 */
class ValidateFeatureWarningTest {
    static final String POLICY = """
            portcullis-policy:policy:
              name: test
              service:
                - name: snmp
                  protocol: udp
                  ports: [161]
                  address-family: [ipv4, ipv6]
                  log: true
            """;

    static final String HOSTS = """
            r1:
              hostname: 192.0.2.1
              platform: junos
              groups: [bng]
              attach:
                interfaces: [ge-1/0/0.100]
            r2:
              hostname: 192.0.2.2
              platform: vrp
              groups: [bng]
              attach:
                interfaces: [GigabitEthernet0/0/1.100]
            r3:
              hostname: 192.0.2.3
              platform: sros
              groups: [bng]
              attach:
                interfaces: [1/1/1]
            """;

    static final String GROUPS = """
            bng:
              username: portcullis
              password-env: BNG_PASSWORD
            """;

    @Test
    void namesRouterAndMissingFeatureOncePerPairAndStillExitsZero(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("policy"));
        Files.createDirectories(dir.resolve("inv"));
        Files.writeString(dir.resolve("policy/p.yaml"), POLICY);
        Files.writeString(dir.resolve("inv/hosts.yaml"), HOSTS);
        Files.writeString(dir.resolve("inv/groups.yaml"), GROUPS);

        CliRun r = CliRun.run(
                "validate",
                "--policy",
                dir.resolve("policy/p.yaml").toString(),
                "--inventory",
                dir.resolve("inv").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        // vrp: no bindings of any kind, no IPv6 logging; sros: no interface bindings; junos: everything this policy
        // needs
        assertThat(r.err().lines().filter(l -> l.startsWith("warning: router ")))
                .containsExactlyInAnyOrder(
                        "warning: router r2 (vrp) cannot get this policy: it needs interface-bindings (bindings to static interfaces),"
                                + " which Huawei VRP8 (huawei-acl) lacks",
                        "warning: router r2 (vrp) cannot get this policy: it needs logging-ipv6 (logging in IPv6 filters),"
                                + " which Huawei VRP8 (huawei-acl) lacks",
                        "warning: router r3 (sros) cannot get this policy: it needs interface-bindings (bindings to static interfaces),"
                                + " which Nokia SR OS (7750 SR) lacks");
        assertThat(r.out()).contains("portcullis validate: valid:");
    }
}
