package io.portcullis.soak;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The routers' foreign configuration — everything their running config held before Portcullis ever touched them (the
 * FOREIGN-MGMT filter and its binding, interfaces, templates, host names) — taken at the start and checked at the end:
 * every element and text of the start tree must still be in the end tree (managed filters may have been added around it).
 */
final class ForeignConfig {
    private final Map<String, Element> before = new LinkedHashMap<>();

    static ForeignConfig snapshot(LabFleet fleet) {
        ForeignConfig f = new ForeignConfig();
        for (SimDevice d : fleet.devices()) {
            f.before.put(d.name(), parse(d.runningXml()));
        }
        return f;
    }

    /** Routers whose foreign config changed, with the first element that went missing. */
    List<String> touched(LabFleet fleet) {
        List<String> out = new ArrayList<>();
        for (SimDevice d : fleet.devices()) {
            String missing = missing(before.get(d.name()), parse(d.runningXml()));
            if (missing != null) {
                out.add(d.name() + ": " + missing);
            }
        }
        return out;
    }

    private static Element parse(String dataChildren) {
        try {
            return SecureXml.parse(("<data>" + dataChildren + "</data>").getBytes(StandardCharsets.UTF_8))
                    .getDocumentElement();
        } catch (XmlParseException e) {
            throw new IllegalStateException("running config of a lab router is not XML: " + e.getMessage(), e);
        }
    }

    /** Null when {@code want} is contained in {@code have}, else the path of an element of want that have lacks. */
    private static String missing(Element want, Element have) {
        if (contains(have, want)) {
            return null;
        }
        for (Element c : children(want)) {
            if (children(have).stream().noneMatch(h -> contains(h, c))) {
                return "/" + want.getLocalName() + subPath(c, have);
            }
        }
        return "/" + want.getLocalName();
    }

    private static String subPath(Element want, Element haveParent) {
        for (Element h : children(haveParent)) {
            if (same(h, want) && !contains(h, want)) {
                for (Element c : children(want)) {
                    if (children(h).stream().noneMatch(x -> contains(x, c))) {
                        return "/" + want.getLocalName() + subPath(c, h);
                    }
                }
            }
        }
        return "/" + want.getLocalName()
                + (children(want).isEmpty() ? "=" + want.getTextContent().strip() : "");
    }

    /** Same name and namespace, same text for leaves, and every child of want contained in some child of have. */
    private static boolean contains(Element have, Element want) {
        if (!same(have, want)) {
            return false;
        }
        List<Element> wantKids = children(want);
        if (wantKids.isEmpty()) {
            return children(have).isEmpty()
                    ? have.getTextContent().strip().equals(want.getTextContent().strip())
                    : true;
        }
        List<Element> haveKids = children(have);
        for (Element w : wantKids) {
            if (haveKids.stream().noneMatch(h -> contains(h, w))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Element a, Element b) {
        return Objects.equals(a.getLocalName(), b.getLocalName())
                && Objects.equals(a.getNamespaceURI(), b.getNamespaceURI());
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }
}
