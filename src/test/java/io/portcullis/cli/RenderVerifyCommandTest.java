package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.platform.registry.Platforms;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** render and verify on the shipped policy and example inventory, through the real command line. */
class RenderVerifyCommandTest {

    private static void assumeAdapter(String platform) {
        try {
            Platforms.get(platform)
                    .renderText(new io.portcullis.intent.FilterIntent(
                            "x", platform, java.util.List.of(), java.util.List.of()));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("SKIPPED: the " + platform + " adapter is not on this branch yet");
        } catch (RuntimeException e) {
            // a real adapter may refuse an empty intent; it exists
        }
    }

    @Test
    void renderPrintsTheJunosPayloadAndTextView() {
        assumeAdapter("junos");
        CliRun xml = CliRun.run("render", "--device", "bng-tor-01");
        assertThat(xml.exit()).as(xml.all()).isZero();
        assertThat(xml.out())
                .contains("<config")
                .contains("PORTCULLIS-SUBPROTECT-V4")
                .contains("PORTCULLIS-SUBPROTECT-V6")
                .contains("2525");
        CliRun text = CliRun.run("render", "--device", "bng-tor-01", "--format", "text");
        assertThat(text.exit()).as(text.all()).isZero();
        assertThat(text.out()).contains("PORTCULLIS-SUBPROTECT-V4").doesNotContain("<config");
    }

    @Test
    void unknownDeviceIsAClearError() {
        CliRun r = CliRun.run("render", "--device", "no-such-router");
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err())
                .contains("no device 'no-such-router' in inventory")
                .contains("bng-tor-01")
                .doesNotContain("Exception");
        CliRun v = CliRun.run("verify", "--device", "no-such-router");
        assertThat(v.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(v.err()).contains("portcullis verify: no device 'no-such-router'");
    }

    @Test
    void badFormatIsAUsageError() {
        CliRun r = CliRun.run("render", "--device", "bng-tor-01", "--format", "pdf");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void verifyProvesOneDevice() {
        assumeAdapter("junos");
        CliRun r = CliRun.run("verify", "--device", "bng-tor-01");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).containsPattern("✓ bng-tor-01 \\(junos\\): proven [0-9,]+ packet classes");
    }

    @Test
    void verifyComparesPlatformsAndSpeaksJson() throws Exception {
        assumeAdapter("junos");
        assumeAdapter("openconfig");
        assumeAdapter("ietf");
        CliRun r = CliRun.run("verify", "--limit", "bng-tor-01,agg-van-01,agg-van-02");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("≡ cross-platform: junos, openconfig, ietf classify all");
        CliRun j = CliRun.run("verify", "--limit", "bng-tor-01,agg-van-01,agg-van-02", "--json");
        assertThat(j.exit()).as(j.all()).isZero();
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertThat(root.get("exitCode").asInt()).isZero();
        assertThat(root.get("format").asText()).isEqualTo("portcullis-verify/1");
        assertThat(root.get("routers")).hasSize(3);
        JsonNode d = root.get("routers").get(0);
        assertThat(d.get("router").asText()).isEqualTo("bng-tor-01");
        assertThat(d.get("state").asText()).isEqualTo("PROVEN");
        assertThat(d.get("readBack").get("proven").asBoolean()).isTrue();
        assertThat(d.get("readBack").get("packetClasses").asLong()).isPositive();
        assertThat(root.get("crossPlatform").get(0).get("equivalent").asBoolean())
                .isTrue();
        assertThat(root.get("summary").get("PROVEN").asInt()).isEqualTo(3);
    }
}
