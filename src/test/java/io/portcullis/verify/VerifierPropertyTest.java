package io.portcullis.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.BlockedFlow;
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
 * Makes the proof itself testable: on 1,000 random intents (half of them mutated), the verifier's
 * verdict must agree with brute-force evaluation of 10,000 concrete packets each, done by an
 * independent naive evaluator ({@link BruteForce}). A proof must never be contradicted by a sampled
 * packet, and every counterexample must be real.
 */
@Tag("slow")
class VerifierPropertyTest {
    private static final int INTENTS = 1_000;
    private static final int PACKETS = 10_000;

    @Test
    void verdictAgreesWithBruteForce() {
        RandomIntents gen = new RandomIntents(20261128L, RandomIntents.allFeatures());
        Random random = new Random(7);
        int proofs = 0;
        int disproofs = 0;
        int bruteForceFound = 0;
        for (int i = 0; i < INTENTS; i++) {
            RandomIntents.Sample s = gen.nextSample();
            FilterIntent intent = i % 2 == 0 ? s.intent() : Mutations.mutate(s.intent(), random);
            VerificationResult result = Verifier.verify(intent, s.promise());
            Packet broken = bruteForce(intent, s.promise(), random);
            if (broken != null) {
                bruteForceFound++;
                assertThat(result.proven())
                        .as(
                                "intent %d: verifier claims a proof but %s is %s, promise says %s",
                                i,
                                broken.describe(),
                                BruteForce.actual(intent, broken).fate(),
                                BruteForce.expected(s.promise(), broken))
                        .isFalse();
            }
            if (result.proven()) {
                proofs++;
                assertThat(result.packetClasses()).isPositive();
            } else {
                disproofs++;
                for (Violation v : result.violations()) {
                    Packet p = v.packet();
                    assertThat(BruteForce.expected(s.promise(), p))
                            .as("intent %d: %s", i, v.describe())
                            .isEqualTo(v.expected());
                    BruteForce.Outcome o = BruteForce.actual(intent, p);
                    assertThat(o.fate())
                            .as("intent %d: %s", i, v.describe())
                            .isEqualTo(v.actual().fate())
                            .isNotEqualTo(v.expected());
                    assertThat(o.decidingTerm())
                            .isEqualTo(
                                    v.actual().term() == null
                                            ? null
                                            : v.actual().filter() + "/"
                                                    + v.actual().term());
                }
            }
            if (i % 2 == 0) {
                assertThat(result.violations())
                        .as("unmutated intent %d is compiler-shaped and must be proven", i)
                        .isEmpty();
            }
        }
        // the sample is not vacuous: mutants are found by brute force too, and the verifier finds at least as many
        assertThat(bruteForceFound).isGreaterThan(INTENTS / 8);
        assertThat(disproofs).isGreaterThanOrEqualTo(bruteForceFound);
        assertThat(proofs).isGreaterThanOrEqualTo(INTENTS / 2);
    }

    /** The first of {@value #PACKETS} random packets (biased to boundaries) whose fate breaks the promise. */
    private static Packet bruteForce(FilterIntent intent, Promise promise, Random r) {
        List<Integer> ports = new ArrayList<>();
        List<IpPrefix> prefixes = new ArrayList<>();
        for (BlockedFlow f : promise.blocked()) {
            f.destinationPorts().forEach(p -> edges(ports, p));
            prefixes.addAll(f.exemptDestinations());
        }
        for (Filter f : intent.filters()) {
            for (Term t : f.terms()) {
                Match m = t.match();
                m.destinationPorts().forEach(p -> edges(ports, p));
                m.eitherPorts().forEach(p -> edges(ports, p));
                m.sourcePorts().forEach(p -> edges(ports, p));
                prefixes.addAll(m.destinationPrefixes());
            }
        }
        List<AttachPoint> points = promise.attachPoints();
        int[] protocols = {6, 6, 6, 17, 17, 17, 1, 58, 47};
        for (int i = 0; i < PACKETS; i++) {
            AddressFamily family = r.nextBoolean() ? AddressFamily.IPV4 : AddressFamily.IPV6;
            Protocol proto = Protocol.of(r.nextInt(10) == 0 ? r.nextInt(256) : protocols[r.nextInt(protocols.length)]);
            int dport = proto.hasPorts() ? port(ports, r) : -1;
            int sport = proto.hasPorts() ? (r.nextInt(3) == 0 ? port(ports, r) : 1024 + r.nextInt(64512)) : -1;
            BigInteger dst = address(prefixes, family, r);
            BigInteger src = new BigInteger(family.addressBits(), r);
            Direction dir = r.nextInt(4) == 0 ? Direction.FROM_SUBSCRIBER : Direction.TO_SUBSCRIBER;
            AttachPoint at = points.get(r.nextInt(points.size()));
            Packet p = new Packet(family, proto, sport, dport, src, dst, false, dir, at);
            if (BruteForce.actual(intent, p).fate() != BruteForce.expected(promise, p)) {
                return p;
            }
        }
        return null;
    }

    private static void edges(List<Integer> ports, PortRange p) {
        for (int v : new int[] {p.from() - 1, p.from(), p.to(), p.to() + 1, (p.from() + p.to()) >>> 1}) {
            if (v >= 0 && v <= PortRange.MAX) {
                ports.add(v);
            }
        }
    }

    private static int port(List<Integer> ports, Random r) {
        return ports.isEmpty() || r.nextInt(4) == 0 ? r.nextInt(65536) : ports.get(r.nextInt(ports.size()));
    }

    private static BigInteger address(List<IpPrefix> prefixes, AddressFamily family, Random r) {
        List<IpPrefix> mine =
                prefixes.stream().filter(p -> p.family() == family).toList();
        if (mine.isEmpty() || r.nextBoolean()) {
            return new BigInteger(family.addressBits(), r);
        }
        IpPrefix p = mine.get(r.nextInt(mine.size()));
        BigInteger max = BigInteger.ONE.shiftLeft(family.addressBits()).subtract(BigInteger.ONE);
        BigInteger a =
                switch (r.nextInt(4)) {
                    case 0 -> p.first().subtract(BigInteger.ONE);
                    case 1 -> p.last().add(BigInteger.ONE);
                    case 2 -> p.first();
                    default -> p.last();
                };
        return a.signum() < 0 || a.compareTo(max) > 0 ? p.first() : a;
    }
}
