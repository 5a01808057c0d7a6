package io.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlReadingTest {
    @XmlRootElement(name = "box")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Box {
        @XmlElement(name = "item")
        List<Item> items = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static class Item {
        @XmlElement(name = "name")
        String name;
    }

    private static final JAXBContext CTX;

    static {
        try {
            CTX = JAXBContext.newInstance(Box.class);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static List<String> names(String xml) {
        XmlReading.Roots roots =
                XmlReading.read(xml, "test input", CTX, Map.of("box", Box.class), XmlReading.NO_NAMESPACE);
        List<String> out = new ArrayList<>();
        roots.all("box", Box.class).forEach(b -> b.items.forEach(i -> out.add(i.name)));
        return out;
    }

    @Test
    void readsTheSubtreeWhateverNamespaceOrPrefixTheDeviceUses() {
        assertThat(
                        names(
                                "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><box><item><name>a</name></item></box></config>"))
                .containsExactly("a");
        assertThat(names("<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\"><data>"
                        + "<box xmlns=\"http://example.com/x\"><item><name>b</name></item></box></data></rpc-reply>"))
                .containsExactly("b");
        assertThat(names("<nc:rpc-reply xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><nc:data>"
                        + "<x:box xmlns:x=\"http://example.com/x\" x:attr=\"1\"><x:item><x:name>c</x:name></x:item></x:box>"
                        + "</nc:data></nc:rpc-reply>"))
                .containsExactly("c");
        assertThat(names("<data><box><item><name>d</name></item></box></data>")).containsExactly("d");
    }

    @Test
    void skipsForeignTopLevelElementsAndRootsNestedInsideThem() {
        assertThat(names("<data><other><box><item><name>no</name></item></box></other>"
                        + "<box><item><name>yes</name></item><extra><item><name>no</name></item></extra></box></data>"))
                .containsExactly("yes");
    }

    @Test
    void readsAdjacentRootsWithNoWhitespaceBetweenThem() {
        assertThat(names("<data><box><item><name>a</name></item></box><box><item><name>b</name></item></box><other/>"
                        + "<box><item><name>c</name></item></box></data>"))
                .containsExactly("a", "b", "c");
        assertThat(names("<box><item><name>alone</name></item></box>")).containsExactly("alone");
    }

    @Test
    void refusesADoctypeEvenWithoutEntities() {
        assertThatThrownBy(
                        () -> names("<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<data><box><item><name>&x;</name></item></box></data>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("test input");
        assertThatThrownBy(() -> names("<!DOCTYPE data><data/>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void malformedXmlIsOneClearSentenceWithAPosition() {
        assertThatThrownBy(() -> names("<data><box><item></box></data>"))
                .isInstanceOf(ReadException.class)
                .hasMessageStartingWith("cannot read test input: the XML is not well-formed at line 1");
        assertThatThrownBy(() -> names("   ")).isInstanceOf(ReadException.class).hasMessageContaining("empty");
    }

    @Test
    void capsTheDepth() {
        String deep = "<data><box>" + "<x>".repeat(200) + "</x>".repeat(200) + "</box></data>";
        assertThatThrownBy(() -> names(deep)).isInstanceOf(ReadException.class).hasMessageContaining("deeper than");
    }

    @Test
    void reportsAnRpcError() {
        assertThatThrownBy(() -> names("<rpc-reply><rpc-error><error-tag>access-denied</error-tag>"
                        + "<error-message>no way</error-message></rpc-error></rpc-reply>"))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("access-denied / no way");
    }
}
