package io.portcullis.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.compile.Compiler;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFixtures;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.testing.DefaultPolicyIntents;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Mutants made in the rendered XML of each platform (what a buggy template or a hand edit on the
 * router would do), read back with the platform's reader and caught by the verifier.
 */
class XmlMutantTest {

    private static CompiledRouter compiled(PlatformAdapter adapter) {
        return compiled(adapter, true);
    }

    private static CompiledRouter compiled(PlatformAdapter adapter, boolean exemption) {
        return Compiler.compile(
                PlatformFixtures.defaultPolicy(exemption),
                PlatformFixtures.device(
                        adapter.id(),
                        DefaultPolicyIntents.interfaces(adapter.id()),
                        DefaultPolicyIntents.profiles(adapter.id())),
                adapter.facts().implicitDefault(),
                PlatformFixtures.TODAY);
    }

    private static PlatformAdapter adapter(String id) {
        PlatformAdapter a = Platforms.get(id);
        try {
            a.renderText(new FilterIntent("probe", id, java.util.List.of(), java.util.List.of()));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("SKIPPED: the " + id + " adapter is not on this branch yet");
        } catch (RuntimeException e) {
            // implemented; an empty intent may be refused
        }
        return a;
    }

    private static VerificationResult readAndVerify(PlatformAdapter a, CompiledRouter c, String xml) {
        return Verifier.verify(a.read(c.name(), xml).intent(), c.promise());
    }

    @ParameterizedTest
    @ValueSource(strings = {"junos", "iosxr", "sros", "vrp", "openconfig", "ietf"})
    void renderedPayloadIsProvenAndDeletingTheFinalAcceptIsCaught(String platform) throws Exception {
        PlatformAdapter a = adapter(platform);
        CompiledRouter c = compiled(a);
        String xml = a.renderConfig(c.intent());
        assertThat(readAndVerify(a, c, xml).violations())
                .as("unmutated %s payload", platform)
                .isEmpty();

        // the final accept entry: keyed by its name, or by its sequence (IOS-XR: remark at 65000000, permit at
        // 65000001)
        String mutant = removeFirstEntryKeyedBy(
                xml, Compiler.FINAL_TERM, Integer.toString(Compiler.FINAL_SEQUENCE), "65000001");
        assertThat(mutant).isNotEqualTo(xml);
        VerificationResult r = readAndVerify(a, c, mutant);
        assertThat(r.proven()).isFalse();
        Violation v = r.violations().get(0);
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().fate()).isEqualTo(Fate.DROPPED);
        assertThat(v.actual().term()).isNull();
        assertThat(v.actual().decidedBy()).endsWith("no term matched → implicit default (discard)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"junos", "iosxr", "sros", "vrp", "openconfig", "ietf"})
    void port2525EditedTo2526IsCaught(String platform) {
        PlatformAdapter a = adapter(platform);
        CompiledRouter c = compiled(a, false); // without exemption: the first 2525 is the IPv4 deny term's
        String xml = a.renderConfig(c.intent());
        assertThat(xml).contains(">2525<");
        String mutant = xml.replaceFirst(">2525<", ">2526<");
        VerificationResult r = readAndVerify(a, c, mutant);
        assertThat(r.violations()).anySatisfy(v -> {
            assertThat(v.packet().destinationPort()).isEqualTo(2525);
            assertThat(v.expected()).isEqualTo(Fate.DROPPED);
            assertThat(v.actual().fate()).isEqualTo(Fate.FORWARDED);
        });
        assertThat(r.violations()).anySatisfy(v -> {
            assertThat(v.packet().destinationPort()).isEqualTo(2526);
            assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        });
    }

    @org.junit.jupiter.api.Test
    void junosPortInsteadOfDestinationPortIsCaught() {
        PlatformAdapter a = adapter("junos");
        CompiledRouter c = compiled(a);
        String xml = a.renderConfig(c.intent());
        assertThat(xml).contains("<destination-port>");
        String mutant = xml.replace("<destination-port>", "<port>").replace("</destination-port>", "</port>");
        Violation v = readAndVerify(a, c, mutant).violations().get(0);
        assertThat(v.packet().sourcePort()).isIn(25, 161, 465, 587, 2525);
        assertThat(v.expected()).isEqualTo(Fate.FORWARDED);
        assertThat(v.actual().fate()).isEqualTo(Fate.DROPPED);
    }

    /** Removes the first element (document order) that has a direct child holding one of these keys. */
    static String removeFirstEntryKeyedBy(String xml, String... keys) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element entry = find(doc.getDocumentElement(), keys);
        if (entry == null) {
            return xml;
        }
        entry.getParentNode().removeChild(entry);
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    private static Element find(Element e, String... keys) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element child && !hasElementChildren(child)) {
                for (String k : keys) {
                    if (k.equals(child.getTextContent().trim())) {
                        return e;
                    }
                }
            }
        }
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                Element found = find(child, keys);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean hasElementChildren(Element e) {
        NodeList c = e.getChildNodes();
        for (int i = 0; i < c.getLength(); i++) {
            if (c.item(i) instanceof Element) {
                return true;
            }
        }
        return false;
    }
}
