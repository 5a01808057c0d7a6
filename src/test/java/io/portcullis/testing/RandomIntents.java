package io.portcullis.testing;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Feature;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.PlatformFacts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of {@link FilterIntent} values shaped like the compiler's output, with the
 * {@link Promise} they keep. Used by round-trip tests (render → read back → same IR) and by the
 * verifier's property test.
 *
 * <p>Shape: per address family one owned filter {@code PORTCULLIS-<token>-V4/-V6}; per blocked
 * service (tcp or udp, destination ports, ranges only when allowed) an optional exemption ACCEPT
 * term (same protocol and ports, destination prefixes; only when allowed) placed right before the
 * DISCARD term; DISCARD terms with optional counter, description and log flag; gapped sequence
 * numbers; a final match-all ACCEPT term {@code accept-rest}; {@code defaultAction} is
 * {@link Options#implicitDefault()}; bindings TO_SUBSCRIBER at every given interface and profile
 * for each family. Every generated name uses letters, digits and '-' only and is at most 32 chars.
 */
public final class RandomIntents {

    /**
     * @param maxTerms        upper bound on terms per filter, final accept included (at least 2)
     * @param maxPortsPerTerm how many ports/ranges one term may list (1 for platforms with one port per entry)
     */
    public record Options(
            boolean allowRanges,
            boolean allowPrefixes,
            boolean allowProfiles,
            boolean allowInterfaces,
            List<String> interfaceNames,
            List<String> profileNames,
            Action implicitDefault,
            int maxTerms,
            int maxPortsPerTerm) {
        public Options {
            interfaceNames = List.copyOf(interfaceNames);
            profileNames = List.copyOf(profileNames);
            if (maxTerms < 2) {
                throw new IllegalArgumentException("maxTerms must be at least 2 (one deny and the final accept)");
            }
            if (maxPortsPerTerm < 1) {
                throw new IllegalArgumentException("maxPortsPerTerm must be at least 1");
            }
        }

        public Options(
                boolean allowRanges,
                boolean allowPrefixes,
                boolean allowProfiles,
                boolean allowInterfaces,
                List<String> interfaceNames,
                List<String> profileNames,
                Action implicitDefault,
                int maxTerms) {
            this(
                    allowRanges,
                    allowPrefixes,
                    allowProfiles,
                    allowInterfaces,
                    interfaceNames,
                    profileNames,
                    implicitDefault,
                    maxTerms,
                    3);
        }

        public Options withMaxTerms(int n) {
            return new Options(
                    allowRanges,
                    allowPrefixes,
                    allowProfiles,
                    allowInterfaces,
                    interfaceNames,
                    profileNames,
                    implicitDefault,
                    n,
                    maxPortsPerTerm);
        }

        public Options withMaxPortsPerTerm(int n) {
            return new Options(
                    allowRanges,
                    allowPrefixes,
                    allowProfiles,
                    allowInterfaces,
                    interfaceNames,
                    profileNames,
                    implicitDefault,
                    maxTerms,
                    n);
        }

        public Options withImplicitDefault(Action a) {
            return new Options(
                    allowRanges,
                    allowPrefixes,
                    allowProfiles,
                    allowInterfaces,
                    interfaceNames,
                    profileNames,
                    a,
                    maxTerms,
                    maxPortsPerTerm);
        }
    }

    /** An intent together with the promise it keeps (bindings at every promised attach point). */
    public record Sample(FilterIntent intent, Promise promise) {}

    private static final String[] SERVICE_WORDS = {
        "smtp", "snmp", "smtps", "submission", "altsmtp", "netbios", "telnet", "svc"
    };
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random;
    private final Options options;
    private final String platform;
    private int counter;

    public RandomIntents(long seed, Options options) {
        this(seed, options, "random");
    }

    /** @param platform the value put in {@link FilterIntent#platform()} (a reader's id, for round-trip equality) */
    public RandomIntents(long seed, Options options, String platform) {
        this.random = new Random(seed);
        this.options = options;
        this.platform = platform;
    }

    /** Everything allowed, interface {@code ge-1/0/0.100} and profile {@code PPPOE-SUB}, default DISCARD. */
    public static Options allFeatures() {
        return new Options(true, true, true, true, List.of("ge-1/0/0.100"), List.of("PPPOE-SUB"), Action.DISCARD, 8);
    }

    /** Options matching what a platform can express, per its {@link PlatformFacts}. */
    public static Options forFacts(PlatformFacts facts, List<String> interfaceNames, List<String> profileNames) {
        boolean interfaces = facts.supports(Feature.INTERFACE_BINDINGS);
        boolean profiles = facts.supports(Feature.PROFILE_BINDINGS);
        return new Options(
                facts.supports(Feature.PORT_RANGES),
                facts.supports(Feature.EXEMPTIONS),
                profiles,
                interfaces,
                interfaces ? interfaceNames : List.of(),
                profiles ? profileNames : List.of(),
                facts.implicitDefault(),
                8);
    }

    public FilterIntent next() {
        return nextSample().intent();
    }

    public Sample nextSample() {
        int n = counter++;
        List<AddressFamily> families = pickFamilies();
        List<Service> services = pickServices();
        String token = token(1 + random.nextInt(12));
        List<Filter> filters = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<BlockedFlow> blocked = new ArrayList<>();
        List<AttachPoint> points = attachPoints();
        for (AddressFamily family : families) {
            String filterName = "PORTCULLIS-" + token + (family == AddressFamily.IPV4 ? "-V4" : "-V6");
            List<Term> terms = new ArrayList<>();
            int seq = 0;
            for (Service s : services) {
                List<IpPrefix> exempt = s.exempt ? prefixes(family) : List.of();
                Match ports = Match.destinationPorts(s.protocol, s.ports);
                if (!exempt.isEmpty()) {
                    seq += gap();
                    terms.add(new Term(
                            "exempt-" + s.name,
                            seq,
                            ports.withDestinationPrefixes(exempt),
                            Action.ACCEPT,
                            maybeCounter("exempt-" + s.name),
                            false,
                            maybeDescription()));
                }
                seq += gap();
                terms.add(new Term(
                        "deny-" + s.name,
                        seq,
                        ports,
                        Action.DISCARD,
                        maybeCounter("deny-" + s.name),
                        random.nextInt(4) == 0,
                        maybeDescription()));
                blocked.add(new BlockedFlow(s.name, s.protocol, s.ports, family, Direction.TO_SUBSCRIBER, exempt));
            }
            seq += gap();
            terms.add(new Term("accept-rest", seq, Match.ANY, Action.ACCEPT, maybeCounter("accept-rest"), false, null));
            filters.add(new Filter(
                    filterName, family, terms, options.implicitDefault(), "portcullis subscriber protection"));
            for (AttachPoint p : points) {
                bindings.add(new Binding(p.kind(), p.name(), family, Direction.TO_SUBSCRIBER, filterName));
            }
        }
        FilterIntent intent = new FilterIntent("rnd-" + n, platform, filters, bindings);
        return new Sample(intent, new Promise(blocked, points, families));
    }

    private record Service(String name, Protocol protocol, List<PortRange> ports, boolean exempt) {}

    private List<AddressFamily> pickFamilies() {
        return switch (random.nextInt(6)) {
            case 0 -> List.of(AddressFamily.IPV4);
            case 1 -> List.of(AddressFamily.IPV6);
            default -> List.of(AddressFamily.IPV4, AddressFamily.IPV6);
        };
    }

    /** Services with pairwise disjoint ports per protocol (the policy validator forbids overlaps). */
    private List<Service> pickServices() {
        List<Service> services = new ArrayList<>();
        List<PortRange> tcpUsed = new ArrayList<>();
        List<PortRange> udpUsed = new ArrayList<>();
        int budget = options.maxTerms() - 1; // final accept
        int wanted = 1 + random.nextInt(Math.max(1, Math.min(4, budget)));
        for (int i = 0; i < wanted && budget > 0; i++) {
            boolean exempt = options.allowPrefixes() && budget >= 2 && random.nextInt(3) == 0;
            Protocol protocol = random.nextBoolean() ? Protocol.TCP : Protocol.UDP;
            List<PortRange> used = protocol == Protocol.TCP ? tcpUsed : udpUsed;
            List<PortRange> ports = new ArrayList<>();
            int count = 1 + random.nextInt(options.maxPortsPerTerm());
            for (int k = 0; k < count; k++) {
                PortRange r = freshRange(used);
                if (r != null) {
                    ports.add(r);
                    used.add(r);
                }
            }
            if (ports.isEmpty()) {
                continue;
            }
            ports.sort(null);
            String name = SERVICE_WORDS[random.nextInt(SERVICE_WORDS.length)] + (i + 1);
            services.add(new Service(name, protocol, ports, exempt));
            budget -= exempt ? 2 : 1;
        }
        if (services.isEmpty()) {
            services.add(new Service("smtp1", Protocol.TCP, List.of(PortRange.single(25)), false));
        }
        return services;
    }

    private PortRange freshRange(List<PortRange> used) {
        for (int attempt = 0; attempt < 20; attempt++) {
            PortRange r;
            int from = interestingPort();
            if (options.allowRanges() && random.nextInt(4) == 0) {
                int to = Math.min(PortRange.MAX, from + 1 + random.nextInt(random.nextBoolean() ? 10 : 2000));
                r = new PortRange(from, to);
            } else {
                r = PortRange.single(from);
            }
            if (r.equals(PortRange.ALL) || used.stream().anyMatch(u -> u.overlaps(r))) {
                continue;
            }
            return r;
        }
        return null;
    }

    private int interestingPort() {
        int[] common = {25, 465, 587, 2525, 161, 162, 23, 135, 139, 445, 1900, 11211, 1, 65535, 1024, 8080};
        return random.nextInt(3) == 0 ? common[random.nextInt(common.length)] : 1 + random.nextInt(65535);
    }

    private List<IpPrefix> prefixes(AddressFamily family) {
        int count = 1 + random.nextInt(3);
        List<IpPrefix> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int bits = family.addressBits();
            int length = family == AddressFamily.IPV4 ? 8 + random.nextInt(25) : 16 + random.nextInt(113);
            IpPrefix p = new IpPrefix(family, new BigInteger(bits, random), length);
            if (out.stream().noneMatch(q -> q.contains(p) || p.contains(q))) {
                out.add(p);
            }
        }
        return out;
    }

    private List<AttachPoint> attachPoints() {
        List<AttachPoint> points = new ArrayList<>();
        if (options.allowInterfaces()) {
            options.interfaceNames().forEach(i -> points.add(new AttachPoint(AttachKind.INTERFACE, i)));
        }
        if (options.allowProfiles()) {
            options.profileNames().forEach(p -> points.add(new AttachPoint(AttachKind.PROFILE, p)));
        }
        return points;
    }

    private int gap() {
        return 10 * (1 + random.nextInt(3));
    }

    private String maybeCounter(String termName) {
        return random.nextInt(3) == 0 ? null : "c-" + termName;
    }

    private String maybeDescription() {
        return random.nextInt(3) == 0 ? null : "portcullis " + token(4).toLowerCase(java.util.Locale.ROOT);
    }

    private String token(int length) {
        StringBuilder sb = new StringBuilder(length);
        sb.append(ALNUM.charAt(random.nextInt(26))); // start with a letter
        for (int i = 1; i < length; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }
}
