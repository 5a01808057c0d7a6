package io.portcullis.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.FateChange;
import io.portcullis.diff.VerifierFateOracle;
import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.testing.RandomIntents;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 5: the plan's packet-fate delta and {@code verify} judge packets by one model. Over random
 * compiler-shaped intents, mutated, with foreign filters bound next to ours (either family, either
 * direction, matching protocols, ports, source and destination prefixes), every fate the plan reports is
 * checked against verify's decision ({@link Verifier#evaluate}, i.e. {@link Forwarding}) for the packets it stands for (each class's
 * representative and both corners, at every point it names), and against the independent naive evaluator
 * ({@link BruteForce}); and random packets whose fate verify says differs must be covered by a reported
 * line with the same two fates, while packets whose fate does not differ must be covered by none.
 * About 10 s on the shared machine, so {@code slow}; {@code diff.FateAgreesWithVerifyTest} is the quick cover.
 */
@Tag("slow")
class FateDeltaPropertyTest {
    private static final int PAIRS = 300;
    private static final int PACKETS = 1_500;
    private static final List<IpPrefix> POOL = List.of(
            IpPrefix.parse("10.0.0.0/8"),
            IpPrefix.parse("10.1.0.0/16"),
            IpPrefix.parse("192.0.2.0/24"),
            IpPrefix.parse("2001:db8::/32"),
            IpPrefix.parse("2001:db8:1::/48"),
            IpPrefix.parse("fd00::/8"));

    @Test
    void everyReportedFateIsVerifysAndEveryChangedPacketIsReported() {
        RandomIntents gen = new RandomIntents(20261205L, RandomIntents.allFeatures());
        Random r = new Random(8);
        VerifierFateOracle oracle = new VerifierFateOracle();
        int lines = 0;
        int changedPackets = 0;
        int withForeign = 0;
        long deltaNanos = 0;
        for (int i = 0; i < PAIRS; i++) {
            RandomIntents.Sample s = gen.nextSample();
            Promise promise = s.promise();
            FilterIntent before = i % 3 == 0 ? s.intent() : Mutations.mutate(s.intent(), r);
            FilterIntent after = Mutations.mutate(i % 4 == 0 ? before : s.intent(), r);
            if (r.nextBoolean()) {
                before = withForeign(before, promise, r, "OPERATOR-A");
                withForeign++;
            }
            if (r.nextBoolean()) {
                after = withForeign(after, promise, r, r.nextBoolean() ? "OPERATOR-A" : "OPERATOR-B");
            }
            if (r.nextInt(4) == 0) {
                after = withFromSubscriberBinding(after, promise, r);
            }
            long t0 = System.nanoTime();
            List<FateChange> delta = oracle.delta(before, after, promise);
            deltaNanos += System.nanoTime() - t0;
            Forwarding was = Forwarding.of(before);
            Forwarding is = Forwarding.of(after);
            for (FateChange fc : delta) {
                lines++;
                assertThat(fc.classes()).as("pair %d: %s", i, fc.describe()).isNotEmpty();
                for (ClassShift c : fc.classes()) {
                    assertThat(c.before()).isEqualTo(fate(fc.forwardedBefore()));
                    assertThat(c.after()).isEqualTo(fate(fc.forwardedAfter())).isNotEqualTo(c.before());
                    for (AttachPoint point : c.points()) {
                        assertThat(fc.where().isEmpty()
                                        || List.of(fc.where().split(", ")).contains(point.name()))
                                .as("pair %d: %s names its points", i, fc.describe())
                                .isTrue();
                    }
                    List<Packet> witnesses = c.witnesses();
                    for (int k = 0; k < witnesses.size(); k++) {
                        Packet w = witnesses.get(k);
                        assertThat(c.contains(w)).isTrue();
                        assertThat(was.verdict(w).fate())
                                .as("pair %d: %s before, %s", i, fc.describe(), w.describe())
                                .isEqualTo(c.before());
                        assertThat(is.verdict(w).fate())
                                .as("pair %d: %s after, %s", i, fc.describe(), w.describe())
                                .isEqualTo(c.after());
                        if (k == 0) { // the naive evaluator is slow: the representative is enough for it
                            assertThat(BruteForce.actual(before, w).fate()).isEqualTo(c.before());
                            assertThat(BruteForce.actual(after, w).fate()).isEqualTo(c.after());
                        }
                    }
                }
            }
            // classes by family, direction and protocol, so each sampled packet scans only its own
            java.util.Map<String, List<ClassShift>> index = new java.util.HashMap<>();
            delta.stream().flatMap(fc -> fc.classes().stream()).forEach(c -> index.computeIfAbsent(
                            c.family() + "|" + c.direction() + "|" + (c.otherProtocol() ? "other" : c.protocol()),
                            x -> new ArrayList<>())
                    .add(c));
            List<Integer> ports = portEdges(before, after);
            List<IpPrefix> prefixes = prefixes(before, after);
            for (int k = 0; k < PACKETS; k++) {
                Packet p = randomPacket(promise, ports, prefixes, r);
                Fate b = was.verdict(p).fate();
                Fate a = is.verdict(p).fate();
                List<ClassShift> covering = java.util.stream.Stream.concat(
                                index
                                        .getOrDefault(
                                                p.family() + "|" + p.direction() + "|"
                                                        + p.protocol().number(),
                                                List.of())
                                        .stream(),
                                index.getOrDefault(p.family() + "|" + p.direction() + "|other", List.of()).stream())
                        .filter(c -> c.contains(p))
                        .toList();
                if (a == b) {
                    assertThat(covering)
                            .as("pair %d: %s keeps its fate (%s) but is reported", i, p.describe(), a)
                            .isEmpty();
                } else {
                    changedPackets++;
                    assertThat(covering)
                            .as(
                                    "pair %d: %s goes %s → %s and no line says so: %s",
                                    i,
                                    p.describe(),
                                    b,
                                    a,
                                    delta.stream().map(FateChange::describe).toList())
                            .hasSize(1);
                    assertThat(covering.get(0).before()).isEqualTo(b);
                    assertThat(covering.get(0).after()).isEqualTo(a);
                }
            }
        }
        System.out.printf(
                "FateDeltaPropertyTest: %d pairs, %d lines, %d changed packets, delta %.0f ms in all%n",
                PAIRS, lines, changedPackets, deltaNanos / 1e6);
        // not vacuous: changes happened, were reported, and foreign filters took part
        assertThat(lines).isGreaterThan(PAIRS);
        assertThat(changedPackets).isGreaterThan(PAIRS * 10);
        assertThat(withForeign).isGreaterThan(PAIRS / 4);
    }

    private static Fate fate(boolean forwarded) {
        return forwarded ? Fate.FORWARDED : Fate.DROPPED;
    }

    /** An operator's filter bound at one promised point, in either direction and family, next to ours. */
    static FilterIntent withForeign(FilterIntent intent, Promise promise, Random r, String name) {
        AddressFamily family = r.nextBoolean() ? AddressFamily.IPV4 : AddressFamily.IPV6;
        List<Term> terms = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            int[] protocols = {6, 17, 6, 17, family == AddressFamily.IPV4 ? 1 : 58, 47, -1};
            Protocol proto = Protocol.of(protocols[r.nextInt(protocols.length)]);
            List<PortRange> dports = List.of();
            List<PortRange> sports = List.of();
            if (proto.hasPorts() && r.nextInt(3) > 0) {
                int from = r.nextBoolean() ? 20 + r.nextInt(3000) : r.nextInt(65000);
                PortRange range = new PortRange(from, from + (r.nextBoolean() ? 0 : r.nextInt(300)));
                if (r.nextInt(4) == 0) {
                    sports = List.of(range);
                } else {
                    dports = List.of(range);
                }
            }
            List<IpPrefix> fam = POOL.stream().filter(p -> p.family() == family).toList();
            List<IpPrefix> dst = r.nextInt(3) == 0 ? List.of(fam.get(r.nextInt(fam.size()))) : List.of();
            List<IpPrefix> src = r.nextInt(3) == 0 ? List.of(fam.get(r.nextInt(fam.size()))) : List.of();
            terms.add(new Term(
                    "op-" + i,
                    10 * (i + 1),
                    new Match(proto, dports, sports, List.of(), dst, src),
                    r.nextBoolean() ? Action.DISCARD : Action.ACCEPT,
                    null,
                    false,
                    null));
        }
        Filter f = new Filter(
                name + "-" + family.id(), family, terms, r.nextInt(4) == 0 ? Action.DISCARD : Action.ACCEPT, null);
        AttachPoint at =
                promise.attachPoints().get(r.nextInt(promise.attachPoints().size()));
        Direction dir = r.nextInt(3) == 0 ? Direction.FROM_SUBSCRIBER : Direction.TO_SUBSCRIBER;
        List<Filter> filters = new ArrayList<>(intent.filters());
        filters.add(f);
        List<Binding> bindings = new ArrayList<>(intent.bindings());
        bindings.add(r.nextBoolean() ? bindings.size() : 0, new Binding(at.kind(), at.name(), family, dir, f.name()));
        return new FilterIntent(intent.device(), intent.platform(), filters, bindings);
    }

    private static FilterIntent withFromSubscriberBinding(FilterIntent intent, Promise promise, Random r) {
        if (intent.filters().isEmpty()) {
            return intent;
        }
        Filter f = intent.filters().get(r.nextInt(intent.filters().size()));
        AttachPoint at =
                promise.attachPoints().get(r.nextInt(promise.attachPoints().size()));
        List<Binding> bindings = new ArrayList<>(intent.bindings());
        bindings.add(new Binding(at.kind(), at.name(), f.family(), Direction.FROM_SUBSCRIBER, f.name()));
        return new FilterIntent(intent.device(), intent.platform(), intent.filters(), bindings);
    }

    private static List<Integer> portEdges(FilterIntent... intents) {
        List<Integer> ports = new ArrayList<>();
        for (FilterIntent intent : intents) {
            for (Filter f : intent.filters()) {
                for (Term t : f.terms()) {
                    for (List<PortRange> list : List.of(
                            t.match().destinationPorts(),
                            t.match().sourcePorts(),
                            t.match().eitherPorts())) {
                        for (PortRange p : list) {
                            for (int v : new int[] {p.from() - 1, p.from(), p.to(), p.to() + 1}) {
                                if (v >= 0 && v <= PortRange.MAX) {
                                    ports.add(v);
                                }
                            }
                        }
                    }
                }
            }
        }
        return ports;
    }

    private static List<IpPrefix> prefixes(FilterIntent... intents) {
        List<IpPrefix> out = new ArrayList<>(POOL);
        for (FilterIntent intent : intents) {
            intent.filters().forEach(f -> f.terms().forEach(t -> {
                out.addAll(t.match().destinationPrefixes());
                out.addAll(t.match().sourcePrefixes());
            }));
        }
        return out;
    }

    private static Packet randomPacket(Promise promise, List<Integer> ports, List<IpPrefix> prefixes, Random r) {
        AddressFamily family = r.nextBoolean() ? AddressFamily.IPV4 : AddressFamily.IPV6;
        int[] protocols = {6, 6, 6, 17, 17, 17, 1, 58, 47};
        Protocol proto = Protocol.of(r.nextInt(10) == 0 ? r.nextInt(256) : protocols[r.nextInt(protocols.length)]);
        int dport = proto.hasPorts() ? port(ports, r) : -1;
        int sport = proto.hasPorts() ? (r.nextInt(3) == 0 ? port(ports, r) : 1024 + r.nextInt(64512)) : -1;
        Direction dir = r.nextInt(3) == 0 ? Direction.FROM_SUBSCRIBER : Direction.TO_SUBSCRIBER;
        AttachPoint at =
                promise.attachPoints().get(r.nextInt(promise.attachPoints().size()));
        return new Packet(
                family,
                proto,
                sport,
                dport,
                address(family, prefixes, r),
                address(family, prefixes, r),
                false,
                dir,
                at);
    }

    private static int port(List<Integer> ports, Random r) {
        return ports.isEmpty() || r.nextInt(4) == 0 ? r.nextInt(65536) : ports.get(r.nextInt(ports.size()));
    }

    /** Uniform, or at or near a boundary of a prefix the filters name (exemptions, the foreign filters' pool). */
    private static BigInteger address(AddressFamily family, List<IpPrefix> prefixes, Random r) {
        List<IpPrefix> mine =
                prefixes.stream().filter(p -> p.family() == family).toList();
        if (r.nextInt(3) == 0) {
            return new BigInteger(family.addressBits(), r);
        }
        IpPrefix p = mine.get(r.nextInt(mine.size()));
        BigInteger a =
                switch (r.nextInt(4)) {
                    case 0 -> p.first().subtract(BigInteger.ONE);
                    case 1 -> p.last().add(BigInteger.ONE);
                    case 2 -> p.first();
                    default -> p.last();
                };
        BigInteger max = BigInteger.ONE.shiftLeft(family.addressBits()).subtract(BigInteger.ONE);
        return a.signum() < 0 || a.compareTo(max) > 0 ? p.first() : a;
    }
}
