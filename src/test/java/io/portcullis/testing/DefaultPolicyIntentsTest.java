package io.portcullis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.Compiler;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.inventory.Credentials;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.HostKeyChecking;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.policy.BlockedService;
import io.portcullis.policy.Exemption;
import io.portcullis.policy.Policy;
import io.portcullis.policy.Scope;
import io.portcullis.policy.TermOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written golden-file IR must be exactly what the compiler produces for the default policy. */
class DefaultPolicyIntentsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final List<AddressFamily> BOTH = List.of(AddressFamily.IPV4, AddressFamily.IPV6);

    static Policy defaultPolicy(boolean exemption) {
        BlockedService snmp = new BlockedService(
                "snmp",
                Protocol.UDP,
                List.of(PortRange.single(161)),
                Direction.TO_SUBSCRIBER,
                BOTH,
                TermOptions.DEFAULT);
        BlockedService smtp = new BlockedService(
                "smtp",
                Protocol.TCP,
                List.of(PortRange.single(25), PortRange.single(465), PortRange.single(587), PortRange.single(2525)),
                Direction.TO_SUBSCRIBER,
                BOTH,
                TermOptions.DEFAULT);
        List<Exemption> exemptions = exemption
                ? List.of(new Exemption(
                        DefaultPolicyIntents.EXEMPTION,
                        "smtp",
                        List.of(DefaultPolicyIntents.EXEMPT_V4, DefaultPolicyIntents.EXEMPT_V6),
                        null,
                        DefaultPolicyIntents.EXEMPTION_REASON))
                : List.of();
        return new Policy(DefaultPolicyIntents.POLICY_NAME, null, List.of(snmp, smtp), exemptions, Scope.ALL);
    }

    static Device device(String platform) {
        return new Device(
                "bng-" + platform,
                "192.0.2.1",
                830,
                platform,
                List.of("bng"),
                DefaultPolicyIntents.interfaces(platform),
                DefaultPolicyIntents.profiles(platform),
                new Credentials("netconf", null, null, null),
                null,
                HostKeyChecking.STRICT,
                false,
                List.of(),
                Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"junos", "iosxr", "sros", "vrp", "openconfig", "ietf"})
    void compilerOutputEqualsTheHandWrittenIntent(String platform) {
        var implicit = Platforms.get(platform).facts().implicitDefault();
        assertThat(Compiler.compile(defaultPolicy(false), device(platform), implicit, TODAY)
                        .intent())
                .isEqualTo(DefaultPolicyIntents.forPlatform(platform, implicit));
        assertThat(Compiler.compile(defaultPolicy(true), device(platform), implicit, TODAY)
                        .intent())
                .isEqualTo(DefaultPolicyIntents.withExemption(platform, implicit));
    }
}
