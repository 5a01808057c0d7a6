package io.portcullis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The helper itself: the shared reference examples pass, and deliberately broken copies fail
 * (so a green validation elsewhere means something).
 */
@Tag("slow")
class YanglintTest {

    private static String example(String file) throws IOException {
        return Files.readString(SharedDir.require("docs/acl-examples").resolve(file));
    }

    private static String context(String file) throws IOException {
        Path p = SharedDir.require("docs/acl-examples").resolve(file);
        return Files.readString(p);
    }

    @Test
    void ietfExamplePassesAndBrokenCopiesFail() throws IOException {
        String ok = example("ietf-acl.config.xml");
        String ctx = context("ietf-context-interfaces.xml");
        assertThat(Yanglint.validate(Yanglint.Model.IETF, ok, ctx).passed()).isTrue();
        // leafref to a missing interface: needs the context
        assertThat(Yanglint.validate(Yanglint.Model.IETF, ok).passed()).isFalse();
        Yanglint.Result badPort =
                Yanglint.validate(Yanglint.Model.IETF, ok.replace("<port>161</port>", "<port>70000</port>"), ctx);
        assertThat(badPort.passed()).isFalse();
        assertThat(badPort.message()).contains("70000");
        assertThat(Yanglint.validate(
                                Yanglint.Model.IETF,
                                ok.replace("<forwarding>drop</forwarding>", "<forwarding>BLOCK</forwarding>"),
                                ctx)
                        .passed())
                .isFalse();
    }

    @Test
    void openconfigExamplePassesAndBrokenCopiesFail() throws IOException {
        String ok = example("openconfig-acl.config.xml");
        String ctx = context("openconfig-context-interfaces.xml");
        assertThat(Yanglint.validate(Yanglint.Model.OPENCONFIG, ok, ctx).passed())
                .isTrue();
        assertThat(Yanglint.validate(Yanglint.Model.OPENCONFIG, ok.replace(">DROP<", ">BLOCK<"), ctx)
                        .passed())
                .isFalse();
        // unknown element: strict parsing must reject it
        assertThat(Yanglint.validate(
                                Yanglint.Model.OPENCONFIG,
                                ok.replace("<destination-port>161</destination-port>", "<dst-port>161</dst-port>"),
                                ctx)
                        .passed())
                .isFalse();
    }

    @Test
    void generatedOpenconfigContextSatisfiesInterfaceRefs() throws IOException {
        String ok = example("openconfig-acl.config.xml");
        String generated = Yanglint.openconfigInterfaces(List.of(Map.entry("Bundle-Ether1", 100L)));
        assertThat(Yanglint.validate(Yanglint.Model.OPENCONFIG, ok, generated).passed())
                .isTrue();
        String wrongSub = Yanglint.openconfigInterfaces(List.of(Map.entry("Bundle-Ether1", 200L)));
        assertThat(Yanglint.validate(Yanglint.Model.OPENCONFIG, ok, wrongSub).passed())
                .isFalse();
        String ietfCtx = Yanglint.ietfInterfaces(List.of("ge-0/0/1.100"));
        assertThat(Yanglint.validate(Yanglint.Model.IETF, example("ietf-acl.config.xml"), ietfCtx)
                        .passed())
                .isTrue();
    }

    @Test
    void nokiaExamplePassesAndBrokenCopyFails() throws IOException {
        String ok = example("nokia-conf.config.xml");
        assertThat(Yanglint.validate(Yanglint.Model.NOKIA_SROS, ok).passed()).isTrue();
        assertThat(Yanglint.validate(Yanglint.Model.NOKIA_SROS, ok.replaceFirst("<eq>161</eq>", "<eq>99999</eq>"))
                        .passed())
                .isFalse();
    }

    @Test
    void huaweiExamplePassesOnPatchedCopyAndBrokenCopyFails() throws IOException {
        String ok = example("huawei-acl.config.xml");
        assertThat(Yanglint.validate(Yanglint.Model.HUAWEI, ok).passed()).isTrue();
        assertThat(Yanglint.validate(
                                Yanglint.Model.HUAWEI,
                                ok.replaceFirst(
                                        "<aclDestPortOp>eq</aclDestPortOp>", "<aclDestPortOp>equal</aclDestPortOp>"))
                        .passed())
                .isFalse();
    }

    @Test
    void netconfOperationsAreAcceptedWhenValidAndRejectedWhenNot() throws IOException {
        String ok = example("ietf-acl.config.xml")
                .replace(
                        "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">",
                        "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\">")
                .replaceFirst("<acl>", "<acl nc:operation=\"replace\">");
        String ctx = context("ietf-context-interfaces.xml");
        Yanglint.Result r = Yanglint.validate(Yanglint.Model.IETF, ok, ctx);
        assertThat(r.passed()).as(r.message()).isTrue();
        assertThat(Yanglint.validate(
                                Yanglint.Model.IETF,
                                ok.replace("nc:operation=\"replace\"", "nc:operation=\"bogus\""),
                                ctx)
                        .passed())
                .isFalse();
    }

    @Test
    void editFragmentsSkipLeafrefChecks() throws IOException {
        String removal =
                "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                        + "<acl xmlns=\"http://openconfig.net/yang/acl\"><acl-sets><acl-set nc:operation=\"delete\"><name>X</name>"
                        + "<type xmlns:oc-acl=\"http://openconfig.net/yang/acl\">oc-acl:ACL_IPV4</type></acl-set></acl-sets></acl></config>";
        assertThat(Yanglint.validate(Yanglint.Model.OPENCONFIG, Yanglint.Kind.EDIT, removal)
                        .passed())
                .isTrue();
        assertThat(Yanglint.validate(
                                Yanglint.Model.OPENCONFIG, Yanglint.Kind.EDIT, removal.replace("ACL_IPV4", "ACL_IPV9"))
                        .passed())
                .isFalse();
    }
}
