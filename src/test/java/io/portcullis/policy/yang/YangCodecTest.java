package io.portcullis.policy.yang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portcullis.policy.SourceParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The yangtools side on its own: the schema is built once, its codecs accept our documents and
 * reject invalid ones by themselves, and an independent YANG implementation (libyang's yanglint)
 * agrees with the module and with the RFC 7951 JSON we derive from YAML.
 */
class YangCodecTest {
    static final String MODULE = "yang/" + YangSchema.MODULE + "@" + YangSchema.REVISION + ".yang";

    @Test
    void schemaContextIsBuiltOnceAndShipsAsAResource() {
        assertThat(YangSchema.context()).isSameAs(YangSchema.context());
        assertThat(YangSchema.module().getNamespace().toString()).isEqualTo("urn:portcullis:policy");
        assertThat(YangSchema.module().getPrefix()).isEqualTo("pcp");
        assertThat(YangSchema.module().getRevision())
                .hasValueSatisfying(r -> assertThat(r.toString()).isEqualTo("2026-11-28"));
    }

    @Test
    void yangtoolsCodecsAcceptValidAndRejectInvalidDocumentsOnTheirOwn() throws Exception {
        String ok = """
                {"portcullis-policy:policy": {"name": "p", "service": [
                  {"name": "snmp", "protocol": "udp", "ports": [161], "address-family": ["ipv4"]}]}}
                """;
        NormalizedNode node = YangCodec.json(ok);
        assertThat(node.toString()).contains("snmp").contains("161");
        assertThatThrownBy(() -> YangCodec.json(ok.replace("[161]", "[70000]"))).isNotNull();
        assertThatThrownBy(() -> YangCodec.json(ok.replace("\"udp\"", "\"sctp\"")))
                .isNotNull();
        assertThatThrownBy(() -> YangCodec.json(ok.replace("\"protocol\"", "\"colour\"")))
                .isNotNull();
        assertThatThrownBy(() ->
                        YangCodec.xml("<policy xmlns=\"urn:portcullis:policy\"><name>p</name><service><name>a</name>"
                                + "<protocol>udp</protocol><ports>99999</ports></service></policy>"))
                .isNotNull();
    }

    private static boolean haveYanglint() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "yanglint"))) {
                return true;
            }
        }
        return false;
    }

    private static Process yanglint(Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        data == null
                                ? new String[] {"yanglint", MODULE}
                                : new String[] {"yanglint", "-t", "config", MODULE, data.toString()})
                .redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void libyangAgreesWithTheModuleAndTheJsonWeDeriveFromYaml(@TempDir Path dir) throws Exception {
        assumeTrue(
                haveYanglint(), "yanglint (Debian libyang2-tools) is not installed; skipping the libyang cross-check");
        Process module = yanglint(null);
        assertThat(module.exitValue())
                .as(new String(module.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        String yaml = Files.readString(Path.of("policy/subscriber-protection.yaml"));
        Path json = dir.resolve("default.json");
        Files.writeString(json, YangCodec.toJson(SourceParser.yaml(yaml)));
        Process ok = yanglint(json);
        assertThat(ok.exitValue())
                .as(new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, YangCodec.toJson(SourceParser.yaml(yaml.replace("ports: [161]", "ports: [70000]"))));
        Process rejected = yanglint(bad);
        assertThat(rejected.exitValue()).isNotZero();
    }

    @Test
    void whatOnlyYangtoolsCatchesStillBecomesOneDiagnosticWithLine() throws Exception {
        // the walker sees a valid tree; yangtools gets a text it rejects (simulates a rule only yangtools knows)
        String valid = "<policy xmlns=\"urn:portcullis:policy\"><name>p</name><service><name>a</name>"
                + "<protocol>udp</protocol><ports>1</ports><address-family>ipv4</address-family></service></policy>";
        String invalid = "<policy xmlns=\"urn:portcullis:policy\">\n<name>p</name>\n<service><name>a</name>"
                + "<protocol>udp</protocol><ports>1</ports><address-family>ipv4</address-family><colour>x</colour></service></policy>";
        YangPolicyReader.Result r =
                YangPolicyReader.read("v.xml", YangPolicyReader.Format.XML, invalid, SourceParser.xml(valid));
        assertThat(r.policy()).isNull();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("v.xml");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message())
                    .startsWith("does not conform to YANG module portcullis-policy: ")
                    .contains("colour")
                    .doesNotContain("\n")
                    .doesNotContain("ParseError");
        });
    }
}
