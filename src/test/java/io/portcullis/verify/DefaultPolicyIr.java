package io.portcullis.verify;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hand-built IR of the seed policy (toward subscribers drop UDP 161 and TCP 25/465/587/2525, IPv4
 * and IPv6) the way the compiler shapes it, plus helpers to build mutants of it.
 */
final class DefaultPolicyIr {
    static final AttachPoint IFACE = new AttachPoint(AttachKind.INTERFACE, "ge-1/0/0.100");
    static final AttachPoint PROFILE = new AttachPoint(AttachKind.PROFILE, "PPPOE-SUB");
    static final List<PortRange> SMTP =
            List.of(PortRange.single(25), PortRange.single(465), PortRange.single(587), PortRange.single(2525));
    static final List<PortRange> SNMP = List.of(PortRange.single(161));
    static final IpPrefix EXEMPT_V4 = IpPrefix.parse("203.0.113.0/24");
    static final IpPrefix EXEMPT_V6 = IpPrefix.parse("2001:db8:ee::/48");

    private DefaultPolicyIr() {}

    static String filterName(AddressFamily f) {
        return f == AddressFamily.IPV4 ? "PORTCULLIS-SUBPROTECT-V4" : "PORTCULLIS-SUBPROTECT-V6";
    }

    static Promise promise() {
        return promise(false);
    }

    /** @param smtpExempt exempt {@link #EXEMPT_V4}/{@link #EXEMPT_V6} from the SMTP block */
    static Promise promise(boolean smtpExempt) {
        List<BlockedFlow> flows = new ArrayList<>();
        for (AddressFamily f : AddressFamily.values()) {
            flows.add(new BlockedFlow("snmp", Protocol.UDP, SNMP, f, Direction.TO_SUBSCRIBER, List.of()));
            flows.add(new BlockedFlow(
                    "smtp",
                    Protocol.TCP,
                    SMTP,
                    f,
                    Direction.TO_SUBSCRIBER,
                    smtpExempt ? List.of(exempt(f)) : List.of()));
        }
        return new Promise(flows, List.of(IFACE, PROFILE), List.of(AddressFamily.IPV4, AddressFamily.IPV6));
    }

    static IpPrefix exempt(AddressFamily f) {
        return f == AddressFamily.IPV4 ? EXEMPT_V4 : EXEMPT_V6;
    }

    static List<Term> terms(boolean smtpExempt, AddressFamily f) {
        List<Term> terms = new ArrayList<>();
        if (smtpExempt) {
            terms.add(new Term(
                    "exempt-smtp",
                    5,
                    Match.destinationPorts(Protocol.TCP, SMTP).withDestinationPrefixes(List.of(exempt(f))),
                    Action.ACCEPT,
                    null,
                    false,
                    null));
        }
        terms.add(new Term(
                "deny-snmp",
                10,
                Match.destinationPorts(Protocol.UDP, SNMP),
                Action.DISCARD,
                "deny-snmp",
                false,
                "portcullis"));
        terms.add(new Term(
                "deny-smtp",
                20,
                Match.destinationPorts(Protocol.TCP, SMTP),
                Action.DISCARD,
                "deny-smtp",
                false,
                "portcullis"));
        terms.add(new Term("accept-rest", 30, Match.ANY, Action.ACCEPT, null, false, null));
        return terms;
    }

    static FilterIntent intent() {
        return intent(false);
    }

    static FilterIntent intent(boolean smtpExempt) {
        List<Filter> filters = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        for (AddressFamily f : AddressFamily.values()) {
            filters.add(new Filter(
                    filterName(f), f, terms(smtpExempt, f), Action.DISCARD, "portcullis subscriber protection"));
            for (AttachPoint p : List.of(IFACE, PROFILE)) {
                bindings.add(new Binding(p.kind(), p.name(), f, Direction.TO_SUBSCRIBER, filterName(f)));
            }
        }
        return new FilterIntent("bng-1", "junos", filters, bindings);
    }

    /** The intent with the terms of one family's filter rewritten. */
    static FilterIntent mutateTerms(FilterIntent intent, AddressFamily family, UnaryOperator<List<Term>> change) {
        List<Filter> filters = new ArrayList<>();
        for (Filter f : intent.filters()) {
            filters.add(
                    f.family() != family
                            ? f
                            : new Filter(
                                    f.name(),
                                    f.family(),
                                    change.apply(new ArrayList<>(f.terms())),
                                    f.defaultAction(),
                                    f.description()));
        }
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }

    static Term replaceMatch(Term t, Match m) {
        return new Term(t.name(), t.sequence(), m, t.action(), t.counter(), t.log(), t.description());
    }
}
