package io.portcullis.platform;

import io.portcullis.compile.Compiler;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.inventory.Credentials;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.HostKeyChecking;
import io.portcullis.policy.BlockedService;
import io.portcullis.policy.Exemption;
import io.portcullis.policy.Policy;
import io.portcullis.policy.Scope;
import io.portcullis.policy.TermOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The seed's default policy (toward subscribers drop UDP 161, TCP 25/465/587/2525, IPv4+IPv6)
 * compiled by the real {@link Compiler} for a device of a platform, optionally with an SMTP exemption.
 */
public final class PlatformFixtures {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private PlatformFixtures() {}

    public static Policy defaultPolicy(boolean exemption) {
        List<AddressFamily> both = List.of(AddressFamily.IPV4, AddressFamily.IPV6);
        List<BlockedService> services = List.of(
                new BlockedService(
                        "snmp",
                        Protocol.UDP,
                        List.of(PortRange.single(161)),
                        Direction.TO_SUBSCRIBER,
                        both,
                        TermOptions.DEFAULT),
                new BlockedService(
                        "smtp",
                        Protocol.TCP,
                        List.of(
                                PortRange.single(25),
                                PortRange.single(465),
                                PortRange.single(587),
                                PortRange.single(2525)),
                        Direction.TO_SUBSCRIBER,
                        both,
                        TermOptions.DEFAULT));
        List<Exemption> exemptions = exemption
                ? List.of(new Exemption(
                        "business-mail",
                        "smtp",
                        List.of(IpPrefix.parse("198.51.100.0/24"), IpPrefix.parse("2001:db8:100::/48")),
                        null,
                        "hosted mail servers"))
                : List.of();
        return new Policy("subscriber-protection", "seed policy", services, exemptions, Scope.ALL);
    }

    public static Device device(String platform, List<String> interfaces, List<String> profiles) {
        return new Device(
                "bng-" + platform,
                "192.0.2.1",
                830,
                platform,
                List.of("bng"),
                interfaces,
                profiles,
                new Credentials("portcullis", "PORTCULLIS_PASSWORD", null, null),
                null,
                HostKeyChecking.STRICT,
                false,
                List.of(),
                Map.of());
    }

    public static FilterIntent compiled(PlatformAdapter adapter, List<String> interfaces, boolean exemption) {
        return Compiler.compile(
                        defaultPolicy(exemption),
                        device(adapter.id(), interfaces, List.of()),
                        adapter.facts().implicitDefault(),
                        TODAY)
                .intent();
    }
}
