package io.portcullis.lab.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SubtreeFilterTest {
    private static final String OC = "http://openconfig.net/yang/acl";
    private static final SimDatastore DATA = SimDatastore.of(Xml.parse(Xml.config("<acl xmlns=\"" + OC + "\"><acl-sets>"
            + "<acl-set><name>MINE</name><type>ACL_IPV4</type><acl-entries><acl-entry><sequence-id>10</sequence-id><d>x</d></acl-entry></acl-entries></acl-set>"
            + "<acl-set><name>FOREIGN</name><type>ACL_IPV4</type><acl-entries/></acl-set>"
            + "</acl-sets><interfaces><interface><id>if1</id></interface></interfaces></acl>"
            + "<configuration><firewall><filter><name>F</name></filter></firewall><system><host-name>r1</host-name></system></configuration>"
            + "<other xmlns=\"urn:other\"><acl-sets/></other>")));

    private static String select(String filterInner) {
        Element filter = Xml.parse("<filter xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" type=\"subtree\">"
                + filterInner + "</filter>");
        List<Element> out = SubtreeFilter.select(DATA, filter, SimDatastore.newDocument());
        StringBuilder sb = new StringBuilder();
        out.forEach(e -> XmlText.append(sb, e));
        return sb.toString();
    }

    @Test
    void containmentNodeSelectsWholeSubtreeOfOneNamespaceOnly() {
        String out = select("<acl xmlns=\"" + OC + "\"/>");
        assertThat(out).contains("MINE", "FOREIGN", "if1").doesNotContain("configuration", "urn:other");
    }

    @Test
    void contentMatchNodeSelectsOneListEntryWithAllItsChildren() {
        String out =
                select("<acl xmlns=\"" + OC + "\"><acl-sets><acl-set><name>MINE</name></acl-set></acl-sets></acl>");
        assertThat(out)
                .contains("<name>MINE</name>", "<sequence-id>10</sequence-id>")
                .doesNotContain("FOREIGN", "interfaces");
    }

    @Test
    void selectionNodesPickOnlyTheNamedChildren() {
        String out = select("<acl xmlns=\"" + OC + "\"><acl-sets><acl-set><name/></acl-set></acl-sets></acl>");
        assertThat(out).contains("<name>MINE</name>", "<name>FOREIGN</name>").doesNotContain("sequence-id", "ACL_IPV4");
    }

    @Test
    void contentMatchCombinedWithContainmentNarrowsDeeper() {
        String out = select("<acl xmlns=\"" + OC + "\"><acl-sets><acl-set><name>MINE</name><acl-entries><acl-entry>"
                + "<sequence-id>10</sequence-id></acl-entry></acl-entries></acl-set></acl-sets></acl>");
        assertThat(out).contains("<sequence-id>10</sequence-id>", "<d>x</d>").doesNotContain("<type>");
        String none =
                select("<acl xmlns=\"" + OC + "\"><acl-sets><acl-set><name>NOPE</name></acl-set></acl-sets></acl>");
        assertThat(none).isEmpty();
    }

    @Test
    void junosStyleUnqualifiedFilterMatchesUnqualifiedData() {
        String out = select("<configuration><firewall/></configuration>");
        assertThat(out).contains("<name>F</name>").doesNotContain("host-name");
    }

    @Test
    void wrongNamespaceSelectsNothingAndEmptyFilterSelectsNothing() {
        assertThat(select("<acl xmlns=\"urn:wrong\"/>")).isEmpty();
        assertThat(select("")).isEmpty();
        assertThat(SubtreeFilter.select(DATA, null, SimDatastore.newDocument())).hasSize(3);
    }

    @Test
    void twoFilterNodesForOneTopElementAreMergedIntoOneCopy() {
        String out = select("<acl xmlns=\"" + OC + "\"><acl-sets><acl-set><name>MINE</name></acl-set></acl-sets></acl>"
                + "<acl xmlns=\"" + OC + "\"><interfaces/></acl>");
        assertThat(out.split("<acl ", -1)).hasSize(2);
        assertThat(out).contains("MINE", "if1").doesNotContain("FOREIGN");
    }
}
