package io.portcullis.policy.yang;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.policy.BlockedService;
import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Exemption;
import io.portcullis.policy.Policy;
import io.portcullis.policy.Scope;
import io.portcullis.policy.TermOptions;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Maps the YANG-validated {@link NormalizedNode} tree onto the policy records, checking what the
 * YANG types leave to us: range ends within 0..65535 and ordered, prefixes that parse, real dates.
 */
final class PolicyMapper {
    private final String file;
    private final Map<String, Integer> lines;
    private final QNameModule module = YangSchema.module().getQNameModule();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    PolicyMapper(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Policy map(NormalizedNode root) {
        DataContainerNode policy = policyContainer(root);
        if (policy == null) {
            diagnostics.add(Diagnostic.error(
                    file, 0, "/" + YangSchema.MODULE + ":policy", "the document has no policy container"));
            return null;
        }
        String base = "/" + YangSchema.MODULE + ":policy";
        List<BlockedService> services = new ArrayList<>();
        for (MapEntryNode e : entries(policy, "service")) {
            services.add(service(e, base + "/service[name='" + text(e, "name") + "']"));
        }
        List<Exemption> exemptions = new ArrayList<>();
        for (MapEntryNode e : entries(policy, "exemption")) {
            exemptions.add(exemption(e, base + "/exemption[name='" + text(e, "name") + "']"));
        }
        Scope scope = Scope.ALL;
        DataContainerChild scopeNode = child(policy, "scope");
        if (scopeNode instanceof DataContainerNode s) {
            scope = new Scope(
                    texts(s, "group").stream().sorted().toList(),
                    texts(s, "platform").stream().sorted().toList());
        }
        return new Policy(text(policy, "name"), text(policy, "description"), services, exemptions, scope);
    }

    private DataContainerNode policyContainer(NormalizedNode root) {
        if (!(root instanceof DataContainerNode c)) {
            return null;
        }
        if (c.name() instanceof NodeIdentifier id && id.getNodeType().equals(qname("policy"))) {
            return c;
        }
        return child(c, "policy") instanceof DataContainerNode p ? p : null;
    }

    private BlockedService service(MapEntryNode e, String path) {
        List<PortRange> ports = new ArrayList<>();
        for (String p : texts(e, "ports")) {
            try {
                ports.add(PortRange.parse(p));
            } catch (IllegalArgumentException ex) {
                error(
                        path + "/ports",
                        lines.getOrDefault(path + "/ports[.='" + p + "']", line(path + "/ports")),
                        "'" + p
                                + "' is not a valid port range: both ends must be 0..65535 and the first must not exceed the last");
            }
        }
        List<AddressFamily> families = new ArrayList<>();
        texts(e, "address-family").forEach(f -> families.add(AddressFamily.fromId(f)));
        String dir = text(e, "direction");
        Direction direction = "from-subscriber".equals(dir) ? Direction.FROM_SUBSCRIBER : Direction.TO_SUBSCRIBER;
        TermOptions options = new TermOptions(
                bool(e, "counter", true), bool(e, "log", false), text(e, "description"), text(e, "owner"));
        // leaf-lists are sets in YANG (yangtools does not keep their order): use a canonical order
        ports.sort(null);
        families.sort(null);
        return new BlockedService(
                text(e, "name"), Protocol.parse(text(e, "protocol")), ports, direction, families, options);
    }

    private Exemption exemption(MapEntryNode e, String path) {
        List<IpPrefix> prefixes = new ArrayList<>();
        for (String p : texts(e, "prefix")) {
            try {
                IpPrefix parsed = IpPrefix.parse(p);
                prefixes.add(parsed);
                if (hasHostBits(p, parsed)) {
                    // the prefix is applied as its network: say so, naming it as written, so nobody believes the
                    // exemption is the single host they typed
                    diagnostics.add(Diagnostic.warning(
                            file,
                            lines.getOrDefault(path + "/prefix[.='" + p + "']", line(path + "/prefix")),
                            path + "/prefix",
                            "exemption prefix '" + p + "' has host bits set; it is applied as " + parsed
                                    + " (every address in it); write " + parsed + " or the host itself (/"
                                    + parsed.family().addressBits() + ")"));
                }
            } catch (IllegalArgumentException ex) {
                error(
                        path + "/prefix",
                        lines.getOrDefault(path + "/prefix[.='" + p + "']", line(path + "/prefix")),
                        "'" + p
                                + "' is not a valid IPv4 or IPv6 prefix; write it like 198.51.100.0/24 or 2001:db8::/48");
            }
        }
        prefixes.sort(Comparator.comparing(IpPrefix::family)
                .thenComparing(IpPrefix::network)
                .thenComparingInt(IpPrefix::length));
        LocalDate expires = null;
        String exp = text(e, "expires");
        if (exp != null) {
            try {
                expires = LocalDate.parse(exp);
            } catch (DateTimeException ex) {
                error(
                        path + "/expires",
                        line(path + "/expires"),
                        "'" + exp + "' is not a calendar date; write YYYY-MM-DD");
            }
        }
        return new Exemption(text(e, "name"), text(e, "service"), prefixes, expires, text(e, "reason"));
    }

    /** True when the address as written differs from the prefix's network (e.g. 192.0.2.5/24). */
    private static boolean hasHostBits(String written, IpPrefix parsed) {
        int slash = written.indexOf('/');
        return slash >= 0
                && !IpPrefix.parse(written.substring(0, slash)).network().equals(parsed.network());
    }

    private int line(String path) {
        return lines.getOrDefault(path, 0);
    }

    private void error(String path, int line, String message) {
        diagnostics.add(Diagnostic.error(file, line, path, message));
    }

    private QName qname(String local) {
        return QName.create(module, local);
    }

    private DataContainerChild child(DataContainerNode node, String local) {
        return node.childByArg(new NodeIdentifier(qname(local)));
    }

    private Collection<MapEntryNode> entries(DataContainerNode node, String local) {
        return child(node, local) instanceof MapNode m ? m.body() : List.of();
    }

    private String text(DataContainerNode node, String local) {
        return child(node, local) instanceof LeafNode<?> leaf ? String.valueOf(leaf.body()) : null;
    }

    private boolean bool(DataContainerNode node, String local, boolean dflt) {
        return child(node, local) instanceof LeafNode<?> leaf
                ? Boolean.parseBoolean(String.valueOf(leaf.body()))
                : dflt;
    }

    private List<String> texts(DataContainerNode node, String local) {
        List<String> out = new ArrayList<>();
        if (child(node, local) instanceof LeafSetNode<?> set) {
            for (LeafSetEntryNode<?> v : set.body()) {
                out.add(String.valueOf(v.body()));
            }
        }
        return out;
    }
}
