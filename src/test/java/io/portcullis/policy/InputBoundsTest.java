package io.portcullis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.inventory.InventoryLoader;
import io.portcullis.policy.load.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 5: hostile documents are refused cheaply, with one short sentence, before a parser can choke on them. */
class InputBoundsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static List<String> errors(PolicyLoader.Result r) {
        return r.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::format)
                .toList();
    }

    @Test
    void a200000DeepXmlPolicyIsRefusedWithoutOverflowingTheStack() {
        String deep = "<a>".repeat(200_000) + "</a>".repeat(200_000);
        PolicyLoader.Result r =
                PolicyLoader.parse("deep.xml", io.portcullis.policy.yang.YangPolicyReader.Format.XML, deep, TODAY);
        assertThat(r.policy()).isNull();
        assertThat(errors(r)).singleElement().asString().contains("1400000 characters, more than the 1048576 accepted");
    }

    @Test
    void deepNestingWithinTheLengthBoundIsRefusedByDepth() {
        String xml = "<policy>\n" + "<a>\n".repeat(100) + "x" + "</a>\n".repeat(100) + "</policy>\n";
        assertThat(errors(PolicyLoader.parse(
                        "deep.xml", io.portcullis.policy.yang.YangPolicyReader.Format.XML, xml, TODAY)))
                .singleElement()
                .asString()
                .contains("nests deeper than 64 levels");
        String json = "[".repeat(100) + "]".repeat(100);
        assertThat(errors(PolicyLoader.parse(
                        "deep.json", io.portcullis.policy.yang.YangPolicyReader.Format.JSON, json, TODAY)))
                .singleElement()
                .asString()
                .contains("64");
    }

    @Test
    void aFourMegabyteSingleLineValueIsRefusedFastAndNotEchoed() {
        String yaml = "policy:\n  description: \"" + "x".repeat(4 * 1024 * 1024) + "\"\n";
        long start = System.nanoTime();
        PolicyLoader.Result r =
                PolicyLoader.parse("long.yaml", io.portcullis.policy.yang.YangPolicyReader.Format.YAML, yaml, TODAY);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.policy()).isNull();
        String e = errors(r).get(0);
        assertThat(e)
                .as("a short excerpt, never the value")
                .hasSizeLessThan(400)
                .contains("more than the");
        assertThat(millis).as("refused before parsing (was 11.5 s)").isLessThan(5_000);
        String oneLongLine = "policy:\n  description: \"" + "y".repeat(5_000) + "\"\n";
        assertThat(errors(PolicyLoader.parse(
                        "line.yaml", io.portcullis.policy.yang.YangPolicyReader.Format.YAML, oneLongLine, TODAY)))
                .singleElement()
                .asString()
                .contains("line 2 has 5017 characters, more than the 4096 accepted")
                .contains("yyyy…");
    }

    @Test
    void aBinaryPolicyFileIsNotBlamedOnPermissions(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("policy.yaml");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28});
        PolicyLoader.Result r = PolicyLoader.load(bin, TODAY);
        assertThat(errors(r))
                .singleElement()
                .asString()
                .contains("not UTF-8 text")
                .doesNotContain("permissions");
    }

    @Test
    void theInventoryIsBoundedToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hosts.yaml"), "r1:\n  hostname: \"" + "h".repeat(10_000) + "\"\n");
        assertThat(InventoryLoader.load(dir).diagnostics())
                .anySatisfy(d -> assertThat(d.format()).contains("more than the 4096 accepted"));
    }
}
