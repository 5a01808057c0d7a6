package io.portcullis.platform.junos;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.Match;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.BindingOrder;
import io.portcullis.platform.PortSpelling;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.XmlReading;
import io.portcullis.platform.junos.jaxb.JAddress;
import io.portcullis.platform.junos.jaxb.JComment;
import io.portcullis.platform.junos.jaxb.JConfiguration;
import io.portcullis.platform.junos.jaxb.JDynamicProfile;
import io.portcullis.platform.junos.jaxb.JFilter;
import io.portcullis.platform.junos.jaxb.JFilterRef;
import io.portcullis.platform.junos.jaxb.JFirewall;
import io.portcullis.platform.junos.jaxb.JFirewallFamily;
import io.portcullis.platform.junos.jaxb.JFrom;
import io.portcullis.platform.junos.jaxb.JInterface;
import io.portcullis.platform.junos.jaxb.JInterfaces;
import io.portcullis.platform.junos.jaxb.JTerm;
import io.portcullis.platform.junos.jaxb.JThen;
import io.portcullis.platform.junos.jaxb.JUnit;
import io.portcullis.platform.junos.jaxb.JUnitAf;
import io.portcullis.platform.junos.jaxb.JUnitFilter;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Junos {@code <configuration>} (from our payload or a get-config reply, with or without
 * namespaces) → IR. Keeps owned filters; a foreign filter bound at an interface unit or dynamic
 * profile is reported in {@link ReadResult#foreignBindings()}. Device-held oddities are kept
 * faithfully for the verifier: {@code port} → either-port match, multi-protocol terms split per
 * protocol, a term without a terminating action → accept (Junos' own rule).
 */
public final class JunosReader {
    private JunosReader() {}

    private static final JAXBContext CONTEXT = context();
    private static final Pattern TERM_COMMENT = Pattern.compile("\\[(\\d{1,9})](?: (.*))?", Pattern.DOTALL);

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(JConfiguration.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Junos JAXB classes are inconsistent: " + e.getMessage(), e);
        }
    }

    public static ReadResult read(String device, String xml) {
        XmlReading.Roots roots = XmlReading.read(
                xml,
                "junos configuration from device " + device,
                CONTEXT,
                Map.of("configuration", JConfiguration.class),
                XmlReading.NO_NAMESPACE);
        List<String> warnings = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        List<Binding> owned = new ArrayList<>();
        List<Binding> foreign = new ArrayList<>();
        List<JConfiguration> configs = roots.all("configuration", JConfiguration.class);
        if (configs.isEmpty()) {
            warnings.add("no <configuration> element in the reply from " + device + "; read as empty");
        }
        for (JConfiguration c : configs) {
            for (JFirewall fw : c.firewall) {
                filters(fw.items, AddressFamily.IPV4, filters, warnings);
                for (JFirewallFamily fam : fw.family) {
                    fam.inet.forEach(f -> filters(f.items, AddressFamily.IPV4, filters, warnings));
                    fam.inet6.forEach(f -> filters(f.items, AddressFamily.IPV6, filters, warnings));
                }
            }
            for (JInterfaces ifs : c.interfaces) {
                bindings(ifs, AttachKind.INTERFACE, null, owned, foreign);
            }
            for (JDynamicProfile p : c.dynamicProfiles) {
                for (JInterfaces ifs : p.interfaces) {
                    bindings(ifs, AttachKind.PROFILE, required(p.name, "dynamic-profiles name"), owned, foreign);
                }
            }
        }
        FilterIntent intent =
                new FilterIntent(device, JunosFacts.PLATFORM, filters, BindingOrder.canonical(filters, owned));
        return new ReadResult(intent, foreign, warnings);
    }

    private static void filters(List<Object> items, AddressFamily family, List<Filter> out, List<String> warnings) {
        String pending = null;
        for (Object item : items) {
            if (item instanceof JComment c) {
                pending = c.text;
            } else if (item instanceof JFilter f) {
                String name = required(f.name, "firewall filter name");
                if (Ownership.isOwned(name)) {
                    out.add(new Filter(
                            name,
                            family,
                            terms(f, family, warnings),
                            Action.DISCARD,
                            pending == null ? null : uncomment(pending)));
                }
                pending = null;
            }
        }
    }

    private static List<Term> terms(JFilter f, AddressFamily family, List<String> warnings) {
        List<Term> terms = new ArrayList<>();
        String pending = null;
        int position = 0;
        for (Object item : f.items) {
            if (item instanceof JComment c) {
                pending = c.text;
                continue;
            }
            JTerm t = (JTerm) item;
            position++;
            String name = required(t.name, "term name in filter " + f.name);
            int sequence = position * 10;
            String description = null;
            if (pending != null) {
                Matcher m = TERM_COMMENT.matcher(uncomment(pending));
                if (m.matches()) {
                    sequence = Integer.parseInt(m.group(1));
                    description = m.group(2);
                } else {
                    description = uncomment(pending);
                }
            }
            pending = null;
            String where = "in term " + name + " of filter " + f.name;
            Match base = match(t.from, family, where, warnings);
            Action action = action(t.then, where, warnings);
            String counter = t.then == null ? null : t.then.count;
            boolean log = t.then != null && (t.then.log != null || t.then.syslog != null);
            List<Protocol> protocols = protocols(t.from, family, where);
            if (protocols.size() <= 1) {
                Match m = protocols.isEmpty() ? base : withProtocol(base, protocols.get(0));
                terms.add(new Term(name, sequence, m, action, counter, log, description));
            } else {
                // one IR term per protocol: same first-match result, since the terms differ only there
                warnings.add("term " + name + " of filter " + f.name
                        + " lists several protocols; read as one term per protocol");
                for (Protocol p : protocols) {
                    terms.add(new Term(
                            name + "/" + p.label(),
                            sequence,
                            withProtocol(base, p),
                            action,
                            counter,
                            log,
                            description));
                }
            }
        }
        return terms;
    }

    private static Match withProtocol(Match m, Protocol p) {
        return new Match(
                p, m.destinationPorts(), m.sourcePorts(), m.eitherPorts(), m.destinationPrefixes(), m.sourcePrefixes());
    }

    private static List<Protocol> protocols(JFrom from, AddressFamily family, String where) {
        if (from == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(family == AddressFamily.IPV4 ? from.protocol : from.nextHeader);
        if (family == AddressFamily.IPV6) {
            values.addAll(from.payloadProtocol);
        }
        List<Protocol> out = new ArrayList<>();
        for (String v : values) {
            String t = v.trim().toLowerCase(java.util.Locale.ROOT);
            Integer named = JunosFacts.PROTOCOL_NAMES.get(t);
            try {
                Protocol p = named != null ? Protocol.of(named) : Protocol.of(Integer.parseInt(t));
                if (!out.contains(p)) {
                    out.add(p);
                }
            } catch (IllegalArgumentException e) {
                throw new ReadException("protocol '" + v + "' " + where
                        + " is neither a number 0-255 nor a protocol name Portcullis knows");
            }
        }
        return out;
    }

    private static Match match(JFrom from, AddressFamily family, String where, List<String> warnings) {
        if (from == null) {
            return Match.ANY;
        }
        for (Object o : from.other) {
            if (o instanceof Element e) {
                warnings.add("match condition '" + e.getLocalName() + "' " + where
                        + " is not modelled; the term is read without it");
            }
        }
        return new Match(
                Protocol.ANY,
                ports(from.destinationPort, where),
                ports(from.sourcePort, where),
                ports(from.port, where),
                prefixes(from.destinationAddress, family, where, warnings),
                prefixes(from.sourceAddress, family, where, warnings));
    }

    private static List<PortRange> ports(List<String> values, String where) {
        return values.stream()
                .map(v -> PortSpelling.parse(v, JunosFacts.PORT_NAMES, where))
                .toList();
    }

    private static List<IpPrefix> prefixes(
            List<JAddress> values, AddressFamily family, String where, List<String> warnings) {
        List<IpPrefix> out = new ArrayList<>();
        for (JAddress a : values) {
            if (a.except != null) {
                warnings.add("address " + a.name + " with 'except' " + where + " is not modelled; it is left out");
                continue;
            }
            try {
                IpPrefix p = IpPrefix.parse(required(a.name, "address " + where));
                if (p.family() != family) {
                    throw new ReadException(
                            "address " + a.name + " " + where + " is not an " + family.id() + " prefix");
                }
                out.add(p);
            } catch (IllegalArgumentException e) {
                throw new ReadException("address '" + a.name + "' " + where + " is not a prefix: " + e.getMessage());
            }
        }
        return out;
    }

    private static Action action(JThen then, String where, List<String> warnings) {
        if (then == null) {
            return Action.ACCEPT;
        }
        for (Object o : then.other) {
            if (o instanceof Element e) {
                warnings.add("action '" + e.getLocalName() + "' " + where + " is not modelled");
            }
        }
        if (then.discard != null) {
            return Action.DISCARD;
        }
        if (then.reject != null) {
            return Action.REJECT;
        }
        return Action.ACCEPT; // explicit accept, or Junos' default for a term without a terminating action
    }

    private static void bindings(
            JInterfaces ifs, AttachKind kind, String profile, List<Binding> owned, List<Binding> foreign) {
        for (JInterface i : ifs.interfaces) {
            for (JUnit u : i.units) {
                String point = kind == AttachKind.PROFILE
                        ? profile
                        : required(i.name, "interface name") + "." + required(u.name, "unit name of " + i.name);
                if (u.family == null) {
                    continue;
                }
                bind(u.family.inet, AddressFamily.IPV4, kind, point, owned, foreign);
                bind(u.family.inet6, AddressFamily.IPV6, kind, point, owned, foreign);
            }
        }
    }

    private static void bind(
            JUnitAf af,
            AddressFamily family,
            AttachKind kind,
            String point,
            List<Binding> owned,
            List<Binding> foreign) {
        if (af == null || af.filter == null) {
            return;
        }
        JUnitFilter f = af.filter;
        List<String> inputs = new ArrayList<>(names(f.input));
        inputs.addAll(f.inputList);
        List<String> outputs = new ArrayList<>(names(f.output));
        outputs.addAll(f.outputList);
        for (String n : inputs) {
            add(new Binding(kind, point, family, Direction.FROM_SUBSCRIBER, n.trim()), owned, foreign);
        }
        for (String n : outputs) {
            add(new Binding(kind, point, family, Direction.TO_SUBSCRIBER, n.trim()), owned, foreign);
        }
    }

    private static List<String> names(JFilterRef ref) {
        return ref == null || ref.filterName == null ? List.of() : List.of(ref.filterName);
    }

    private static void add(Binding b, List<Binding> owned, List<Binding> foreign) {
        (Ownership.isOwned(b.filterName()) ? owned : foreign).add(b);
    }

    /** "/* text *\/" → "text" (one space inside each delimiter is ours); "# text" → "text". */
    static String uncomment(String raw) {
        String t = raw;
        if (t.startsWith("/*") && t.endsWith("*/") && t.length() >= 4) {
            t = t.substring(2, t.length() - 2);
            if (t.startsWith(" ")) {
                t = t.substring(1);
            }
            if (t.endsWith(" ")) {
                t = t.substring(0, t.length() - 1);
            }
            return t;
        }
        t = t.strip();
        return t.startsWith("#") ? t.substring(1).strip() : t;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ReadException("the Junos configuration has a " + what + " that is missing or empty");
        }
        return value.trim();
    }
}
