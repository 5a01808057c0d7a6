package io.portcullis.testing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Validates rendered NETCONF payloads with libyang's {@code yanglint} (2.x) against the published
 * modules in {@code ../shared/yang}, the way {@code shared/docs/acl-examples/validate.sh} does.
 *
 * <p>Usage: {@code Yanglint.validate(Yanglint.Model.IETF, payload, Yanglint.ietfInterfaces(names))}
 * returns pass/fail plus yanglint's message; {@link #assertValid} fails the test with that message.
 * Skips the calling test (JUnit assumption) when yanglint 2.x is not installed or ../shared is absent.
 *
 * <p>The payload may be a whole {@code <config>} element (its children are validated; namespace
 * declarations on {@code <config>} are carried down) or a single top-level data element.
 * {@code nc:operation} attributes are checked by libyang against ietf-netconf when that module is
 * available (yuma123's copy, installed with netconfd); otherwise they are removed after a Java check
 * of their values, and the result message says so.
 */
public final class Yanglint {
    private static final String NETCONF_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final Set<String> OPERATIONS = Set.of("merge", "replace", "create", "delete", "remove");
    private static final Path IETF_NETCONF = Path.of(System.getProperty(
            "portcullis.ietf-netconf-yang", "/usr/share/yuma/modules/ietf/ietf-netconf@2011-06-01.yang"));
    private static Path huaweiPatched;
    private static Boolean available;

    /** Which published model set to validate against. */
    public enum Model {
        /** RFC 8519 ietf-access-control-list (+ iana-if-type for interface context). */
        IETF,
        /** openconfig-acl with openconfig-interfaces context. */
        OPENCONFIG,
        /** nokia-conf, SR OS 19.7 model set. */
        NOKIA_SROS,
        /** huawei-acl (CE6850 VRP8 schema), test-only patched copy as yang/SOURCES.md describes. */
        HUAWEI
    }

    /** {@code CONFIG} = the payload is complete config data (leafrefs, mandatory nodes enforced);
     * {@code EDIT} = an edit-config fragment (e.g. a removal holding only keys). */
    public enum Kind {
        CONFIG,
        EDIT
    }

    /** Outcome of one yanglint run; {@code message} holds yanglint's output and the command. */
    public record Result(boolean passed, String message) {}

    private Yanglint() {}

    /** Validates complete config data; {@code contextDocuments} (e.g. interfaces) are added to the data set. */
    public static Result validate(Model model, String payload, String... contextDocuments) {
        return validate(model, Kind.CONFIG, payload, contextDocuments);
    }

    public static Result validate(Model model, Kind kind, String payload, String... contextDocuments) {
        requireYanglint();
        Path yang = SharedDir.require("yang");
        Path work = null;
        try {
            work = Files.createTempDirectory("portcullis-yanglint");
            List<String> command =
                    new ArrayList<>(List.of(executable(), "-Q", "-t", kind == Kind.CONFIG ? "config" : "edit"));
            List<String> modules = new ArrayList<>();
            switch (model) {
                case IETF -> {
                    command.addAll(List.of("-p", yang.resolve("ietf").toString()));
                    modules.add(yang.resolve("ietf/ietf-access-control-list@2019-03-04.yang")
                            .toString());
                    modules.add(yang.resolve("ietf/iana-if-type.yang").toString());
                }
                case OPENCONFIG -> {
                    command.addAll(List.of(
                            "-p",
                            yang.resolve("ietf").toString(),
                            "-p",
                            yang.resolve("openconfig").toString()));
                    modules.add(yang.resolve("openconfig/openconfig-acl.yang").toString());
                    // identities of imported-only modules are rejected unless implemented (reference section 7)
                    modules.add(yang.resolve("openconfig/openconfig-packet-match-types.yang")
                            .toString());
                    modules.add(yang.resolve("ietf/iana-if-type.yang").toString());
                }
                case NOKIA_SROS -> {
                    Path n = yang.resolve("nokia/latest_sros_19.7");
                    command.addAll(
                            List.of("-p", n.toString(), "-p", n.resolve("ietf").toString()));
                    modules.add(n.resolve("nokia-conf.yang").toString());
                }
                case HUAWEI -> {
                    Path h = huaweiCopy(yang.resolve("huawei/ce6850"));
                    command.addAll(List.of("-p", h.toString()));
                    modules.add(h.resolve("huawei-acl.yang").toString());
                }
            }
            String note = "";
            boolean withNetconf = Files.isRegularFile(IETF_NETCONF);
            if (withNetconf) {
                // copied alone so yuma's other modules never shadow the shared ones
                Path copy = work.resolve("ietf-netconf@2011-06-01.yang");
                Files.copy(IETF_NETCONF, copy);
                modules.add(copy.toString());
            } else {
                note = " (nc:operation attributes were checked in Java and removed: " + IETF_NETCONF + " is absent)";
            }
            StringBuilder data = new StringBuilder();
            for (String context : contextDocuments) {
                data.append(topLevelElements(context, true)).append('\n');
            }
            data.append(topLevelElements(payload, withNetconf));
            Path file = work.resolve("data.xml");
            Files.writeString(file, data, StandardCharsets.UTF_8);
            command.addAll(modules);
            command.add(file.toString());
            return run(command, work, note);
        } catch (IOException e) {
            return new Result(false, "yanglint could not be run: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Result(false, "payload is not well-formed XML or has a bad nc:operation: " + e.getMessage());
        } finally {
            deleteQuietly(work);
        }
    }

    /** Fails the calling test with yanglint's message unless the payload validates. */
    public static void assertValid(Model model, String payload, String... contextDocuments) {
        Result r = validate(model, payload, contextDocuments);
        if (!r.passed()) {
            throw new AssertionError("payload does not validate against " + model + ": " + r.message()
                    + "\n--- payload ---\n" + payload);
        }
    }

    /** An ietf-interfaces document declaring these interfaces (type l2vlan), for IETF attachment-point leafrefs. */
    public static String ietfInterfaces(List<String> names) {
        StringBuilder b = new StringBuilder("<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\">");
        for (String n : names.stream().distinct().toList()) {
            b.append("<interface><name>")
                    .append(escape(n))
                    .append("</name>")
                    .append(
                            "<type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:l2vlan</type></interface>");
        }
        return b.append("</interfaces>").toString();
    }

    /**
     * An openconfig-interfaces document for OpenConfig interface-refs: each entry is an interface name
     * and an optional subinterface index (null for none).
     */
    public static String openconfigInterfaces(List<java.util.Map.Entry<String, Long>> refs) {
        java.util.Map<String, java.util.TreeSet<Long>> byInterface = new java.util.LinkedHashMap<>();
        for (var r : refs) {
            var subs = byInterface.computeIfAbsent(r.getKey(), k -> new java.util.TreeSet<>());
            if (r.getValue() != null) {
                subs.add(r.getValue());
            }
        }
        StringBuilder b = new StringBuilder("<interfaces xmlns=\"http://openconfig.net/yang/interfaces\">");
        byInterface.forEach((name, subs) -> {
            b.append("<interface><name>")
                    .append(escape(name))
                    .append("</name><config><name>")
                    .append(escape(name))
                    .append(
                            "</name><type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:ethernetCsmacd</type></config>");
            if (!subs.isEmpty()) {
                b.append("<subinterfaces>");
                subs.forEach(s -> b.append("<subinterface><index>")
                        .append(s)
                        .append("</index><config><index>")
                        .append(s)
                        .append("</index></config></subinterface>"));
                b.append("</subinterfaces>");
            }
            b.append("</interface>");
        });
        return b.append("</interfaces>").toString();
    }

    /** Skips the calling test unless yanglint 2.x runs. */
    public static synchronized void requireYanglint() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(executable(), "-v")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                available =
                        p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("(?s).*yanglint 2\\..*");
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        Assumptions.assumeTrue(
                available,
                () -> "SKIPPED: yanglint 2.x is not installed (Debian package libyang2-tools; "
                        + "or -Dportcullis.yanglint=PATH); payloads were not YANG-validated");
    }

    private static String executable() {
        return System.getProperty("portcullis.yanglint", "yanglint");
    }

    private static Result run(List<String> command, Path work, String note) throws IOException {
        Process p = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, "yanglint timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(false, "interrupted while waiting for yanglint");
        }
        boolean ok = p.exitValue() == 0;
        String message = (ok ? "valid" : "INVALID (exit " + p.exitValue() + "): " + out.strip()) + note + "\ncommand: "
                + String.join(" ", command);
        return new Result(ok, message);
    }

    /**
     * The elements yanglint should see: the children of a NETCONF {@code <config>} (or the element
     * itself), each carrying the namespace declarations it inherited, serialized one after another.
     */
    static String topLevelElements(String xml, boolean keepOperations) {
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        List<Element> tops = new ArrayList<>();
        if ("config".equals(root.getLocalName()) && NETCONF_NS.equals(root.getNamespaceURI())) {
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    inheritPrefixes(root, e);
                    tops.add(e);
                }
            }
        } else {
            tops.add(root);
        }
        StringBuilder out = new StringBuilder();
        for (Element e : tops) {
            checkOperations(e, keepOperations);
            out.append(serialize(e)).append('\n');
        }
        return out.toString();
    }

    private static void inheritPrefixes(Element from, Element to) {
        NamedNodeMap attrs = from.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                    && a.getPrefix() != null
                    && !to.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                to.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
            }
        }
    }

    private static void checkOperations(Element e, boolean keep) {
        Attr op = e.getAttributeNodeNS(NETCONF_NS, "operation");
        if (op != null) {
            if (!OPERATIONS.contains(op.getValue())) {
                throw new IllegalArgumentException(
                        "nc:operation=\"" + op.getValue() + "\" on <" + e.getLocalName() + ">");
            }
            if (!keep) {
                e.removeAttributeNode(op);
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                checkOperations(child, keep);
            }
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String serialize(Element e) {
        return io.portcullis.netconf.xml.SecureXml.toXml(e);
    }

    /** A once-per-JVM copy of the Huawei modules with the two test-only patches of yang/SOURCES.md. */
    private static synchronized Path huaweiCopy(Path source) throws IOException {
        if (huaweiPatched != null) {
            return huaweiPatched;
        }
        Path dir = Files.createTempDirectory("portcullis-huawei-yang");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yang")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        // 1. huawei-pub-type.yang line 325: double-quoted pattern with "\+" (invalid escape for libyang 2) -> single
        // quotes
        Path pub = dir.resolve("huawei-pub-type.yang");
        List<String> lines = new ArrayList<>(
                List.of(Files.readString(pub, StandardCharsets.ISO_8859_1).split("\n", -1)));
        String l = lines.get(324);
        int i = l.indexOf('"');
        int j = l.lastIndexOf('"');
        if (!l.contains("pattern") || !l.contains("\\+") || i < 0 || j <= i) {
            throw new IOException(
                    "huawei-pub-type.yang line 325 is not the pattern yang/SOURCES.md describes; patch not applied");
        }
        lines.set(324, l.substring(0, i) + "'" + l.substring(i + 1, j) + "'" + l.substring(j + 1));
        Files.writeString(pub, String.join("\n", lines), StandardCharsets.ISO_8859_1);
        // 2. huawei-acl.yang lines 407/416/425: mutually dependent `when` on aclPrecedence/aclTos/aclDscp -> deleted
        Path acl = dir.resolve("huawei-acl.yang");
        List<String> acls = new ArrayList<>(
                List.of(Files.readString(acl, StandardCharsets.ISO_8859_1).split("\n", -1)));
        for (int n : new int[] {424, 415, 406}) {
            if (!acls.get(n).strip().startsWith("when")) {
                throw new IOException(
                        "huawei-acl.yang line " + (n + 1) + " is not a `when` statement; patch not applied");
            }
            acls.remove(n);
        }
        Files.writeString(acl, String.join("\n", acls), StandardCharsets.ISO_8859_1);
        Path done = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(done)));
        huaweiPatched = dir;
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files only; nothing to report
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
