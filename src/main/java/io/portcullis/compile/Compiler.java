package io.portcullis.compile;

import static io.portcullis.intent.FilterNames.filterName;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.BlockedFlow;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.FilterStamp;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.Promise;
import io.portcullis.intent.Term;
import io.portcullis.inventory.Device;
import io.portcullis.policy.BlockedService;
import io.portcullis.policy.Exemption;
import io.portcullis.policy.Policy;
import io.portcullis.policy.Scope;
import io.portcullis.policy.TermOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles the policy for one device into the vendor-neutral IR.
 *
 * <p>Per direction and address family the policy uses, one filter: for each service (in policy
 * order) its exemption accept terms first, then its deny term (destination ports only, never
 * "either port"), and an explicit final {@code accept-rest} so no platform's implicit end decides.
 * Sequences are gapped (10, 20, …) so entries can be inserted later; the final accept sits at
 * {@link #FINAL_SEQUENCE}, below every platform's maximum. Expired exemptions are left out.
 *
 * <p>Stateless and allocation-light: the filters do not depend on the device, only the bindings
 * and the promise's attach points do.
 */
public final class Compiler {
    // the filter names themselves are io.portcullis.intent.FilterNames: the verifier and readers know them too

    public static final int SEQUENCE_STEP = 10;
    public static final int FINAL_SEQUENCE = 65000;
    public static final String FINAL_TERM = "accept-rest";

    private Compiler() {}

    /**
     * @param platformImplicitDefault what the device's platform does when no term matches; recorded as
     *                                {@link Filter#defaultAction()} so a reader of the same config agrees
     * @param today                   decides which exemptions have expired (an exemption is valid through its expiry date)
     */
    public static CompiledRouter compile(
            Policy policy, Device device, Action platformImplicitDefault, LocalDate today) {
        List<AttachPoint> points = device.attachPoints();
        if (!inScope(policy.scope(), device)) {
            return new CompiledRouter(
                    device,
                    new FilterIntent(device.name(), device.platform(), List.of(), List.of()),
                    new Promise(List.of(), points, List.of()));
        }
        Shared shared = shared(policy, platformImplicitDefault, today);
        List<Binding> bindings = new ArrayList<>(shared.filters.size() * points.size());
        for (Filter filter : shared.filters) {
            Direction direction = filter.name().equals(filterName(Direction.TO_SUBSCRIBER, filter.family()))
                    ? Direction.TO_SUBSCRIBER
                    : Direction.FROM_SUBSCRIBER;
            for (AttachPoint p : points) {
                bindings.add(new Binding(p.kind(), p.name(), filter.family(), direction, filter.name()));
            }
        }
        return new CompiledRouter(
                device,
                new FilterIntent(device.name(), device.platform(), shared.filters, bindings),
                new Promise(shared.blocked, points, shared.families));
    }

    /** The device-independent part of a compilation; immutable, so devices share it. */
    private record Shared(
            Policy policy,
            Action implicitDefault,
            LocalDate today,
            List<Filter> filters,
            List<BlockedFlow> blocked,
            List<AddressFamily> families) {}

    /** Last shared result: a fleet compiles one policy many times, so this saves rebuilding identical filters. */
    private static volatile Shared last;

    private static Shared shared(Policy policy, Action implicitDefault, LocalDate today) {
        Shared s = last;
        if (s != null && s.policy == policy && s.implicitDefault == implicitDefault && s.today.equals(today)) {
            return s;
        }
        List<AddressFamily> families = families(policy);
        List<Filter> filters = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            for (AddressFamily family : families) {
                Filter filter = filter(policy, direction, family, implicitDefault, today);
                if (filter != null) {
                    filters.add(filter);
                }
            }
        }
        filters = stamped(filters, policy);
        List<BlockedFlow> blocked = new ArrayList<>();
        for (BlockedService svc : policy.services()) {
            for (AddressFamily family : svc.families()) {
                blocked.add(new BlockedFlow(
                        svc.name(),
                        svc.protocol(),
                        svc.ports(),
                        family,
                        svc.direction(),
                        exemptPrefixes(policy, svc, family, today)));
            }
        }
        s = new Shared(policy, implicitDefault, today, List.copyOf(filters), List.copyOf(blocked), families);
        last = s;
        return s;
    }

    /** Empty scope lists mean "all"; otherwise the device must be in one listed group and on one listed platform. */
    public static boolean inScope(Scope scope, Device device) {
        if (scope == null) {
            return true;
        }
        boolean groupOk = scope.groups().isEmpty() || device.groups().stream().anyMatch(scope.groups()::contains);
        boolean platformOk = scope.platforms().isEmpty() || scope.platforms().contains(device.platform());
        return groupOk && platformOk;
    }

    /** Counter name of a service's deny term, e.g. {@code portcullis-smtp-v4}. */
    public static String counterName(String service, AddressFamily family) {
        return "portcullis-" + service + "-" + (family == AddressFamily.IPV4 ? "v4" : "v6");
    }

    /** The families any service of the policy covers, IPv4 first. */
    public static List<AddressFamily> families(Policy policy) {
        Set<AddressFamily> set = EnumSet.noneOf(AddressFamily.class);
        policy.services().forEach(s -> set.addAll(s.families()));
        return List.copyOf(set);
    }

    public static boolean expired(Exemption e, LocalDate today) {
        return e.expires() != null && today.isAfter(e.expires());
    }

    private static Filter filter(
            Policy policy, Direction direction, AddressFamily family, Action implicitDefault, LocalDate today) {
        List<Term> terms = new ArrayList<>();
        int seq = 0;
        for (BlockedService s : policy.services()) {
            if (s.direction() != direction || !s.families().contains(family)) {
                continue;
            }
            for (Exemption e : policy.exemptions()) {
                if (!e.service().equals(s.name()) || expired(e, today)) {
                    continue;
                }
                List<IpPrefix> prefixes =
                        e.prefixes().stream().filter(p -> p.family() == family).toList();
                if (prefixes.isEmpty()) {
                    continue; // an exemption of the other family only; validate reports a mismatch
                }
                seq = next(seq);
                Match m = new Match(s.protocol(), s.ports(), List.of(), List.of(), prefixes, List.of());
                terms.add(new Term(
                        "exempt-" + e.name(),
                        seq,
                        m,
                        Action.ACCEPT,
                        null,
                        false,
                        "portcullis: exemption " + e.name() + " from " + s.name()
                                + (e.reason() == null ? "" : ": " + e.reason())));
            }
            TermOptions o = s.options() == null ? TermOptions.DEFAULT : s.options();
            seq = next(seq);
            terms.add(new Term(
                    "deny-" + s.name(),
                    seq,
                    Match.destinationPorts(s.protocol(), s.ports()),
                    Action.DISCARD,
                    o.counter() ? counterName(s.name(), family) : null,
                    o.log(),
                    description(s, o)));
        }
        if (terms.isEmpty()) {
            return null;
        }
        terms.add(new Term(
                FINAL_TERM,
                FINAL_SEQUENCE,
                Match.ANY,
                Action.ACCEPT,
                null,
                false,
                "portcullis: forward everything else"));
        return new Filter(
                filterName(direction, family), family, terms, implicitDefault, null); // description: stamped()
    }

    /**
     * Every filter's description becomes the policy stamp ({@link FilterStamp}): the digest of the whole filter
     * set's content, so the router shows which policy content it holds, and a commit that renders the same
     * filters keeps the same description (no change to apply).
     */
    private static List<Filter> stamped(List<Filter> filters, Policy policy) {
        String description = FilterStamp.description(
                FilterStamp.digest(filters), policy.name() == null ? "subscriber-protection" : policy.name());
        return filters.stream()
                .map(f -> new Filter(f.name(), f.family(), f.terms(), f.defaultAction(), description))
                .toList();
    }

    private static int next(int seq) {
        int n = seq + SEQUENCE_STEP;
        if (n >= FINAL_SEQUENCE) {
            throw new IllegalArgumentException("the policy needs more than " + (FINAL_SEQUENCE / SEQUENCE_STEP - 1)
                    + " terms in one filter; merge services or exemptions");
        }
        return n;
    }

    private static String description(BlockedService s, TermOptions o) {
        String what = o.description() == null || o.description().isBlank() ? "block " + s.name() : o.description();
        return "portcullis: " + what + (o.owner() == null || o.owner().isBlank() ? "" : " (owner " + o.owner() + ")");
    }

    private static List<IpPrefix> exemptPrefixes(
            Policy policy, BlockedService s, AddressFamily family, LocalDate today) {
        List<IpPrefix> out = new ArrayList<>();
        for (Exemption e : policy.exemptions()) {
            if (e.service().equals(s.name()) && !expired(e, today)) {
                e.prefixes().stream().filter(p -> p.family() == family).forEach(out::add);
            }
        }
        return out;
    }
}
