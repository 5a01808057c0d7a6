package io.portcullis.engine.fake;

import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.inventory.Credentials;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.HostKeyChecking;
import java.util.List;
import java.util.Map;

/** The seed policy (drop UDP 161, TCP 25/465/587/2525 toward subscribers) as hand-built IR. */
public final class TestTargets {
    public static final String FILTER = "PORTCULLIS-SUBSCRIBER-V4";
    public static final String IFACE = "ge-0/0/0.100";

    private TestTargets() {}

    public static Device device(String name, boolean chainForeign) {
        return new Device(
                name,
                "127.0.0.1",
                830,
                "test",
                List.of("bng"),
                List.of(IFACE),
                List.of(),
                new Credentials("admin", null, null, null),
                null,
                HostKeyChecking.OFF,
                chainForeign,
                List.of(),
                Map.of());
    }

    public static Term term(String name, int seq, Protocol p, List<Integer> ports, Action a) {
        return new Term(
                name,
                seq,
                Match.destinationPorts(p, ports.stream().map(PortRange::single).toList()),
                a,
                null,
                false,
                null);
    }

    public static List<Term> seedTerms() {
        return List.of(
                term("block-snmp", 10, Protocol.UDP, List.of(161), Action.DISCARD),
                term("block-smtp", 20, Protocol.TCP, List.of(25, 465, 587, 2525), Action.DISCARD),
                new Term("accept-rest", 30, Match.ANY, Action.ACCEPT, null, false, null));
    }

    public static FilterIntent intent(String device, List<Term> terms) {
        return new FilterIntent(
                device,
                "test",
                List.of(new Filter(FILTER, AddressFamily.IPV4, terms, Action.DISCARD, null)),
                List.of(new Binding(AttachKind.INTERFACE, IFACE, AddressFamily.IPV4, Direction.TO_SUBSCRIBER, FILTER)));
    }

    public static Promise promise() {
        return new Promise(
                List.of(
                        new BlockedFlow(
                                "snmp",
                                Protocol.UDP,
                                List.of(PortRange.single(161)),
                                AddressFamily.IPV4,
                                Direction.TO_SUBSCRIBER,
                                List.of()),
                        new BlockedFlow(
                                "smtp",
                                Protocol.TCP,
                                List.of(
                                        PortRange.single(25),
                                        PortRange.single(465),
                                        PortRange.single(587),
                                        PortRange.single(2525)),
                                AddressFamily.IPV4,
                                Direction.TO_SUBSCRIBER,
                                List.of())),
                List.of(new AttachPoint(AttachKind.INTERFACE, IFACE)),
                List.of(AddressFamily.IPV4));
    }

    public static Target target(String name) {
        return new Target(device(name, false), intent(name, seedTerms()), promise());
    }
}
