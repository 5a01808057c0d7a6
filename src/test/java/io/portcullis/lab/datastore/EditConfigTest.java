package io.portcullis.lab.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EditConfigTest {
    private static final String IETF = "urn:ietf:params:xml:ns:yang:ietf-access-control-list";

    private static SimDatastore store(String inner) {
        return SimDatastore.of(Xml.parse(Xml.config(inner)));
    }

    private static List<AppliedEdit> edit(SimDatastore ds, String inner, EditOperation def, ErrorOption opt)
            throws DataException {
        return EditConfig.apply(ds, Xml.parse(Xml.config(inner)), def, opt);
    }

    private static List<AppliedEdit> merge(SimDatastore ds, String inner) throws DataException {
        return edit(ds, inner, EditOperation.MERGE, ErrorOption.STOP_ON_ERROR);
    }

    private static String acl(String aces) {
        return "<acls xmlns=\"" + IETF + "\"><acl><name>A</name><aces>" + aces + "</aces></acl></acls>";
    }

    private static String ace(String name) {
        return "<ace><name>" + name + "</name><actions><forwarding>drop</forwarding></actions></ace>";
    }

    private static List<String> aceNames(SimDatastore ds) {
        Element aces = Dom.firstChild(Dom.firstChild(Dom.firstChild(ds.root(), "acls"), "acl"), "aces");
        return Dom.children(aces).stream()
                .map(a -> Dom.text(Dom.firstChild(a, "name")))
                .toList();
    }

    @Test
    void mergeAddsNewEntriesAndUpdatesLeavesOfExistingOnes() throws Exception {
        SimDatastore ds = store(acl(ace("a")));
        List<AppliedEdit> edits = merge(
                ds, acl("<ace><name>a</name><actions><forwarding>accept</forwarding></actions></ace>" + ace("b")));
        assertThat(aceNames(ds)).containsExactly("a", "b");
        assertThat(ds.toXml()).contains("<forwarding>accept</forwarding>");
        assertThat(edits)
                .extracting(e -> e.target().toString())
                .contains(
                        "/acls/acl[name='A']/aces/ace[name='b']",
                        "/acls/acl[name='A']/aces/ace[name='a']/actions/forwarding");
    }

    @Test
    void createFailsWithDataExistsWhenTheEntryIsThere() throws Exception {
        SimDatastore ds = store(acl(ace("a")));
        assertThatThrownBy(() -> merge(ds, acl("<ace nc:operation=\"create\"><name>a</name></ace>")))
                .isInstanceOfSatisfying(DataException.class, e -> {
                    assertThat(e.errors().get(0).tag()).isEqualTo("data-exists");
                    assertThat(e.errors().get(0).path()).isEqualTo("/acls/acl[name='A']/aces/ace[name='a']");
                });
        merge(ds, acl("<ace nc:operation=\"create\"><name>c</name></ace>"));
        assertThat(aceNames(ds)).containsExactly("a", "c");
    }

    @Test
    void deleteFailsWithDataMissingButRemoveIsSilent() throws Exception {
        SimDatastore ds = store(acl(ace("a") + ace("b")));
        assertThatThrownBy(() -> merge(ds, acl("<ace nc:operation=\"delete\"><name>zz</name></ace>")))
                .isInstanceOfSatisfying(
                        DataException.class,
                        e -> assertThat(e.errors().get(0).tag()).isEqualTo("data-missing"));
        merge(ds, acl("<ace nc:operation=\"remove\"><name>zz</name></ace>"));
        merge(ds, acl("<ace nc:operation=\"delete\"><name>a</name></ace>"));
        assertThat(aceNames(ds)).containsExactly("b");
        merge(ds, acl("<ace nc:operation=\"remove\"><name>b</name></ace>"));
        assertThat(aceNames(ds)).isEmpty();
    }

    @Test
    void replaceSwapsTheWholeSubtreeButLeavesSiblingsAlone() throws Exception {
        SimDatastore ds = store(
                acl("<ace><name>a</name><matches><udp/></matches><actions><forwarding>drop</forwarding></actions></ace>"
                        + ace("b")));
        merge(
                ds,
                acl(
                        "<ace nc:operation=\"replace\"><name>a</name><actions><forwarding>accept</forwarding></actions></ace>"));
        assertThat(aceNames(ds)).containsExactly("a", "b");
        assertThat(ds.toXml()).doesNotContain("<udp/>").contains("<forwarding>accept</forwarding>");
    }

    @Test
    void defaultOperationNoneNeedsExistingNodesAndOnlyAppliesExplicitOperations() throws Exception {
        SimDatastore ds = store(acl(ace("a")));
        assertThatThrownBy(() -> edit(
                        ds,
                        "<acls xmlns=\"" + IETF + "\"><acl><name>B</name></acl></acls>",
                        EditOperation.NONE,
                        ErrorOption.STOP_ON_ERROR))
                .isInstanceOfSatisfying(
                        DataException.class,
                        e -> assertThat(e.errors().get(0).tag()).isEqualTo("data-missing"));
        edit(
                ds,
                acl(
                        "<ace><name>a</name><actions><forwarding>accept</forwarding></actions></ace><ace nc:operation=\"create\"><name>n</name></ace>"),
                EditOperation.NONE,
                ErrorOption.STOP_ON_ERROR);
        assertThat(aceNames(ds)).containsExactly("a", "n");
        assertThat(ds.toXml()).contains("<forwarding>drop</forwarding>").doesNotContain("accept");
    }

    @Test
    void defaultOperationReplaceReplacesTheWholeDatastore() throws Exception {
        SimDatastore ds = store(acl(ace("a")) + "<configuration><system/></configuration>");
        edit(ds, acl(ace("z")), EditOperation.REPLACE, ErrorOption.STOP_ON_ERROR);
        assertThat(aceNames(ds)).containsExactly("z");
        assertThat(ds.toXml()).doesNotContain("configuration");
    }

    @Test
    void errorOptionsDecideWhatSurvivesAFailure() throws Exception {
        String failing = acl(ace("new1") + "<ace nc:operation=\"delete\"><name>missing</name></ace>" + ace("new2"));
        SimDatastore stop = store(acl(ace("a")));
        assertThatThrownBy(() -> edit(stop, failing, EditOperation.MERGE, ErrorOption.STOP_ON_ERROR))
                .isInstanceOf(DataException.class);
        assertThat(aceNames(stop)).containsExactly("a", "new1");

        SimDatastore cont = store(acl(ace("a")));
        assertThatThrownBy(() -> edit(cont, failing, EditOperation.MERGE, ErrorOption.CONTINUE_ON_ERROR))
                .isInstanceOf(DataException.class);
        assertThat(aceNames(cont)).containsExactly("a", "new1", "new2");

        SimDatastore rollback = store(acl(ace("a")));
        String before = rollback.toXml();
        assertThatThrownBy(() -> edit(rollback, failing, EditOperation.MERGE, ErrorOption.ROLLBACK_ON_ERROR))
                .isInstanceOf(DataException.class);
        assertThat(rollback.toXml()).isEqualTo(before);
    }

    @Test
    void orderedByUserInsertsPlaceEntries() throws Exception {
        SimDatastore ds = store(acl(ace("a") + ace("b") + ace("c")));
        merge(ds, acl("<ace yang:insert=\"first\"><name>f</name></ace>"));
        assertThat(aceNames(ds)).containsExactly("f", "a", "b", "c");
        merge(ds, acl("<ace yang:insert=\"before\" yang:key=\"[name='b']\"><name>x</name></ace>"));
        assertThat(aceNames(ds)).containsExactly("f", "a", "x", "b", "c");
        merge(
                ds,
                acl("<ace yang:insert=\"after\" yang:key=\"[acl:name='c']\" xmlns:acl=\"" + IETF
                        + "\"><name>y</name></ace>"));
        assertThat(aceNames(ds)).containsExactly("f", "a", "x", "b", "c", "y");
        // moving an existing entry
        merge(ds, acl("<ace yang:insert=\"after\" yang:key=\"[name='y']\"><name>f</name></ace>"));
        assertThat(aceNames(ds)).containsExactly("a", "x", "b", "c", "y", "f");
        merge(ds, acl("<ace yang:insert=\"last\"><name>z</name></ace>"));
        assertThat(aceNames(ds)).endsWith("f", "z");
    }

    @Test
    void selfReferencingOrDanglingInsertsAreRefusedAndLoseNothing() throws Exception {
        SimDatastore ds = store(acl(ace("a") + ace("b")));
        assertThatThrownBy(() ->
                        merge(ds, acl("<ace yang:insert=\"before\" yang:key=\"[name='a']\"><name>a</name></ace>")))
                .isInstanceOfSatisfying(
                        DataException.class,
                        e -> assertThat(e.errors().get(0).tag()).isEqualTo("bad-attribute"));
        assertThatThrownBy(() ->
                        merge(ds, acl("<ace yang:insert=\"after\" yang:key=\"[name='nope']\"><name>c</name></ace>")))
                .isInstanceOfSatisfying(
                        DataException.class,
                        e -> assertThat(e.errors().get(0).appTag()).isEqualTo("missing-instance"));
        assertThat(aceNames(ds)).containsExactly("a", "b");
    }

    @Test
    void openConfigEntriesMatchOnNameAndTypeWhateverThePrefix() throws Exception {
        String oc = "http://openconfig.net/yang/acl";
        SimDatastore ds = store("<acl xmlns=\"" + oc + "\" xmlns:oc-acl=\"" + oc
                + "\"><acl-sets><acl-set><name>F</name><type>oc-acl:ACL_IPV4</type>"
                + "<config><name>F</name><type>oc-acl:ACL_IPV4</type></config></acl-set></acl-sets></acl>");
        merge(
                ds,
                "<acl xmlns=\"" + oc + "\" xmlns:x=\"" + oc
                        + "\"><acl-sets><acl-set><name>F</name><type>x:ACL_IPV4</type>"
                        + "<acl-entries><acl-entry><sequence-id>10</sequence-id></acl-entry></acl-entries></acl-set>"
                        + "<acl-set><name>F</name><type>x:ACL_IPV6</type></acl-set></acl-sets></acl>");
        Element sets = Dom.firstChild(Dom.firstChild(ds.root(), "acl"), "acl-sets");
        assertThat(Dom.children(sets)).hasSize(2);
        assertThat(XmlText.of(Dom.children(sets).get(0))).contains("<sequence-id>10</sequence-id>");
    }

    @Test
    void junosLeafListsCollectValuesAndEntriesKeyOnName() throws Exception {
        SimDatastore ds = store(
                "<configuration><firewall><family><inet><filter><name>F</name><term><name>t</name><from>"
                        + "<destination-port>25</destination-port></from></term></filter></inet></family></firewall></configuration>");
        merge(
                ds,
                "<configuration><firewall><family><inet><filter><name>F</name><term><name>t</name><from>"
                        + "<destination-port>465</destination-port></from></term></filter><filter><name>G</name></filter></inet></family></firewall></configuration>");
        assertThat(ds.toXml())
                .contains("<destination-port>25</destination-port><destination-port>465</destination-port>")
                .contains("<name>G</name>");
    }

    @Test
    void aListEntryWithoutItsKeyIsRefused() {
        SimDatastore ds = store(acl(ace("a")));
        assertThatThrownBy(() -> merge(ds, acl("<ace><actions/></ace>")))
                .isInstanceOfSatisfying(
                        DataException.class,
                        e -> assertThat(e.errors().get(0).tag()).isEqualTo("missing-element"));
    }

    @Test
    void datastoresAreIndependentCopies() throws Exception {
        SimDatastore running = store(acl(ace("a")));
        SimDatastore candidate = running.copy();
        merge(candidate, acl(ace("b")));
        assertThat(aceNames(running)).containsExactly("a");
        assertThat(running.sameContent(candidate)).isFalse();
        running.replaceContent(candidate);
        assertThat(running.sameContent(candidate)).isTrue();
    }

    @Test
    void junosCommentsTravelWithTheElementThatFollowsThem() throws Exception {
        String j = "xmlns:junos=\"http://xml.juniper.net/junos/*/junos\"";
        SimDatastore ds = store(
                "<configuration><firewall><family><inet><filter><name>OTHER</name></filter></inet></family></firewall></configuration>");
        String filter = "<configuration " + j + "><firewall><family><inet><junos:comment>/* managed */</junos:comment>"
                + "<filter nc:operation=\"replace\"><name>F</name><junos:comment>/* [10] a */</junos:comment><term><name>a</name></term>"
                + "<junos:comment>/* [20] b */</junos:comment><term><name>b</name></term></filter></inet></family></firewall></configuration>";
        merge(ds, filter);
        merge(ds, filter);
        String xml = ds.toXml();
        assertThat(xml)
                .containsOnlyOnce("/* managed */")
                .containsOnlyOnce("[10] a")
                .containsOnlyOnce("[20] b");
        assertThat(xml.indexOf("[10] a")).isLessThan(xml.indexOf("<name>a</name>"));
        assertThat(xml.indexOf("[20] b"))
                .isGreaterThan(xml.indexOf("<name>a</name>"))
                .isLessThan(xml.indexOf("<name>b</name>"));
        assertThat(xml.indexOf("/* managed */"))
                .isGreaterThan(xml.indexOf("<name>OTHER</name>"))
                .isLessThan(xml.indexOf("<name>F</name>"));
        merge(
                ds,
                "<configuration><firewall><family><inet><filter nc:operation=\"remove\"><name>F</name></filter></inet></family></firewall></configuration>");
        assertThat(ds.toXml()).doesNotContain("managed", "[10]");
    }
}
