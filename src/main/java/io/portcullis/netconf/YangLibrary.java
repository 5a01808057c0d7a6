package io.portcullis.netconf;

import io.portcullis.netconf.rpc.Filter;
import io.portcullis.netconf.rpc.Get;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * YANG 1.1 servers list their modules in ietf-yang-library (RFC 7895 modules-state, RFC 8525 yang-library) rather
 * than in hello capability URIs. {@link #read} fetches and parses both shapes.
 */
public final class YangLibrary {
    public static final String NS = "urn:ietf:params:xml:ns:yang:ietf-yang-library";

    private YangLibrary() {}

    /** The {@code <get>} that fetches the library (both shapes). */
    public static Get request() {
        return new Get(Filter.subtree("<modules-state xmlns=\"" + NS + "\"/><yang-library xmlns=\"" + NS + "\"/>"));
    }

    /** Fetches the library; modules from hello URIs are not included. */
    public static Map<String, YangModule> read(NetconfSession session) throws NetconfException {
        RpcReply r = session.execute(request());
        return r.data() == null ? Map.of() : parse(r.data());
    }

    /** Parses a {@code <data>} element holding modules-state and/or yang-library. */
    public static Map<String, YangModule> parse(Element data) {
        Map<String, YangModule> out = new LinkedHashMap<>();
        for (Element top : Xml.children(data)) {
            if (Xml.is(top, NS, "modules-state")) {
                Xml.children(top, "module").forEach(m -> add(out, m, true));
            } else if (Xml.is(top, NS, "yang-library")) {
                for (Element set : Xml.children(top, "module-set")) {
                    Xml.children(set, "module").forEach(m -> add(out, m, false));
                }
            }
        }
        return out;
    }

    private static void add(Map<String, YangModule> out, Element module, boolean legacy) {
        String name = Xml.childText(module, "name");
        if (name == null) {
            return;
        }
        List<String> features = new ArrayList<>();
        Xml.children(module, "feature")
                .forEach(f -> features.add(f.getTextContent().strip()));
        List<String> deviations = new ArrayList<>();
        for (Element d : Xml.children(module, "deviation")) {
            // RFC 7895: deviation is a list with a name; RFC 8525: a leaf-list of module names
            deviations.add(
                    legacy && Xml.child(d, "name") != null
                            ? Xml.childText(d, "name")
                            : d.getTextContent().strip());
        }
        String revision = Xml.childText(module, "revision");
        out.put(
                name,
                new YangModule(
                        name,
                        Xml.childText(module, "namespace"),
                        revision == null || revision.isEmpty() ? null : revision,
                        features,
                        deviations));
    }
}
