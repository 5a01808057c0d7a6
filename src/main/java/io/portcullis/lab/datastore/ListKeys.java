package io.portcullis.lab.datastore;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Which child leaves identify a list entry. The simulator has no schemas (it is vendor-agnostic), so the
 * keys of the models Portcullis renders are listed per namespace and element; anything else falls back
 * to a child leaf named {@code name} or {@code id}. An element without keys is a container or a leaf.
 */
public final class ListKeys {
    private static final String XR = "http://cisco.com/ns/yang/";
    private static final String OC_ACL = "http://openconfig.net/yang/acl";
    private static final String OC_IF = "http://openconfig.net/yang/interfaces";
    private static final String IETF_ACL = "urn:ietf:params:xml:ns:yang:ietf-access-control-list";
    private static final String IETF_IF = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    private static final String NOKIA = "urn:nokia.com:sros:ns:yang:sr:conf";
    private static final String HUAWEI = "http://www.huawei.com/netconf/vrp/huawei-acl";

    /** namespace → element → key leaves; "*" stands for any element of that namespace without an own entry. */
    private static final Map<String, Map<String, List<String>>> TABLE = Map.ofEntries(
            Map.entry(
                    XR + "Cisco-IOS-XR-ipv4-acl-cfg",
                    Map.of("access", List.of("access-list-name"), "access-list-entry", List.of("sequence-number"))),
            Map.entry(
                    XR + "Cisco-IOS-XR-ipv6-acl-cfg",
                    Map.of("access", List.of("name"), "access-list-entry", List.of("sequence-number"))),
            Map.entry(
                    XR + "Cisco-IOS-XR-um-ipv4-access-list-cfg",
                    Map.of("access-list", List.of("access-list-name"), "sequence", List.of("sequence-number"))),
            Map.entry(
                    XR + "Cisco-IOS-XR-um-ipv6-access-list-cfg",
                    Map.of("access-list", List.of("access-list-name"), "sequence", List.of("sequence-number"))),
            Map.entry(XR + "Cisco-IOS-XR-um-interface-cfg", Map.of("interface", List.of("interface-name"))),
            Map.entry(
                    XR + "Cisco-IOS-XR-ifmgr-cfg",
                    Map.of("interface-configuration", List.of("active", "interface-name"))),
            Map.entry(
                    XR + "Cisco-IOS-XR-subscriber-infra-tmplmgr-cfg",
                    Map.of("ip-subscriber", List.of("template-name"), "ppp", List.of("template-name"))),
            Map.entry(
                    NOKIA,
                    Map.ofEntries(
                            Map.entry("ip-filter", List.of("filter-name")),
                            Map.entry("ipv6-filter", List.of("filter-name")),
                            Map.entry("entry", List.of("entry-id")),
                            Map.entry("port-list", List.of("port-list-name")),
                            // match-list members the sros renderer writes (port-list port/range, prefix lists) and
                            // filter logs
                            Map.entry("port", List.of("value")),
                            Map.entry("range", List.of("start", "end")),
                            Map.entry("ip-prefix-list", List.of("prefix-list-name")),
                            Map.entry("ipv6-prefix-list", List.of("prefix-list-name")),
                            Map.entry("prefix", List.of("ip-prefix")),
                            Map.entry("log", List.of("log-id")),
                            Map.entry("*", List.of("name")))),
            Map.entry(
                    HUAWEI,
                    Map.of(
                            "aclGroup",
                            List.of("aclNumOrName"),
                            "aclGroup6",
                            List.of("aclNumOrName"),
                            "*",
                            List.of("aclRuleName"))),
            Map.entry(
                    OC_ACL,
                    Map.of(
                            "acl-set",
                            List.of("name", "type"),
                            "acl-entry",
                            List.of("sequence-id"),
                            "interface",
                            List.of("id"),
                            "egress-acl-set",
                            List.of("set-name", "type"),
                            "ingress-acl-set",
                            List.of("set-name", "type"))),
            Map.entry("http://www.huawei.com/netconf/vrp/huawei-ifm", Map.of("interface", List.of("ifName"))),
            Map.entry(OC_IF, Map.of("interface", List.of("name"), "subinterface", List.of("index"))),
            Map.entry(
                    IETF_ACL,
                    Map.of(
                            "acl",
                            List.of("name"),
                            "ace",
                            List.of("name"),
                            "interface",
                            List.of("interface-id"),
                            "acl-set",
                            List.of("name"))),
            Map.entry(IETF_IF, Map.of("interface", List.of("name"))));

    /** Containers that carry key-like leaves but are never lists (OpenConfig duplicates keys in config/state). */
    private static final List<String> NEVER_LISTS = List.of("config", "state");

    public static final ListKeys DEFAULT = new ListKeys();

    /** Key leaf names of this element (empty: not a list entry). */
    public List<String> keysOf(Element e) {
        String ln = Dom.localName(e);
        if (NEVER_LISTS.contains(ln) || Dom.isLeaf(e)) {
            return List.of();
        }
        Map<String, List<String>> ns = TABLE.get(Dom.dataNamespace(e));
        if (NOKIA.equals(Dom.dataNamespace(e))
                && ln.equals("filter")
                && e.getParentNode() instanceof Element parent
                && Dom.localName(parent).equals("embed")) {
            return List.of("name", "offset"); // embed/filter[name offset]; configure/filter is a container
        }
        if (ns != null) {
            List<String> keys = ns.get(ln);
            if (keys != null) {
                return keys;
            }
            List<String> any = ns.get("*");
            return any != null && hasLeaf(e, any.get(0)) ? any : List.of();
        }
        if (ns == null && !Dom.dataNamespace(e).startsWith(XR)) {
            // Junos (no namespace) and unknown models: a leaf named name or id identifies the entry.
            for (String k : List.of("name", "id")) {
                if (hasLeaf(e, k)) {
                    return List.of(k);
                }
            }
        }
        return List.of();
    }

    /** Is this element a list entry according to the table, even if the edit forgot its keys? */
    public boolean isListByTable(Element e) {
        Map<String, List<String>> ns = TABLE.get(Dom.dataNamespace(e));
        return ns != null && ns.containsKey(Dom.localName(e));
    }

    /** Leaf-lists of the models we serve (Junos match conditions and filter lists); other repeated leaves count too. */
    private static final List<String> JUNOS_LEAF_LISTS = List.of(
            "destination-port",
            "source-port",
            "port",
            "protocol",
            "next-header",
            "payload-protocol",
            "input-list",
            "output-list",
            "address",
            "destination-address",
            "source-address");

    /**
     * Is this leaf (in an edit, with its siblings) a leaf-list member? Known names for un-namespaced (Junos)
     * data, otherwise only when the same name repeats among its siblings in the edit or in the datastore.
     */
    public boolean isLeafList(Element leaf, Element editParent, Element targetParent) {
        if (Dom.dataNamespace(leaf).isEmpty() && JUNOS_LEAF_LISTS.contains(Dom.localName(leaf))) {
            return true;
        }
        return countSameName(editParent, leaf) > 1 || (targetParent != null && countSameName(targetParent, leaf) > 1);
    }

    private static int countSameName(Element parent, Element like) {
        int n = 0;
        for (Element c : Dom.children(parent)) {
            if (Dom.sameName(c, like) && Dom.isLeaf(c)) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasLeaf(Element e, String name) {
        Element c = Dom.firstChild(e, name);
        return c != null && Dom.isLeaf(c);
    }
}
