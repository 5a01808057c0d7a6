package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verbose} is the NETCONF protocol trace (issue 13 item 5; it used to do nothing): every message sent and
 * received, per router, on stderr — and no secret in it: not the lab password, not a VRRP key or $9$ string the
 * router holds inside the managed subtree, not the persist token of a two-phase apply. Without the flag, no trace.
 */
@Tag("lab")
class VerboseTraceLabTest {
    private static final String PASSWORD = "Verbose-Trace-Sentinel-31";
    private static final String VRRP_KEY = "Vrrp-Trace-Sentinel-58";
    private static final String JUNIPER_NINE = "$9$Trace-Nine-Sentinel-12";

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theTraceShowsEachRoutersRpcExchangesAndNoSecret(@TempDir Path dir) throws Exception {
        DbProperties.off();
        try (LabFleet fleet = LabFleet.builder()
                .devices(2)
                .platforms("junos,iosxr")
                .password(PASSWORD)
                .start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            SimDevice junos = fleet.devices().get(0);
            SimDevice iosxr = fleet.devices().get(1);
            junos.outOfBandEdit("""
                    <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                     <configuration><interfaces><interface><name>ge-1/0/0</name><unit><name>100</name><family><inet><address>
                      <name>100.64.0.1/22</name><vrrp-group><name>1</name><authentication-key>%s</authentication-key>
                      <virtual-address>100.64.0.3</virtual-address><description>%s</description></vrrp-group>
                     </address></inet></family></unit></interface></interfaces></configuration></config>""".formatted(VRRP_KEY, JUNIPER_NINE));

            CliRun quiet = CliRun.run("plan", "--inventory", inv.toString());
            assertThat(quiet.exit()).as(quiet.all()).isEqualTo(ExitCodes.CHANGES);
            assertThat(quiet.err()).as("no trace without --verbose").doesNotContain("netconf ");

            CliRun plan = CliRun.run("plan", "--verbose", "--inventory", inv.toString());
            assertThat(plan.exit()).as(plan.all()).isEqualTo(ExitCodes.CHANGES);
            for (SimDevice d : fleet.devices()) {
                assertThat(plan.err())
                        .contains("netconf " + d.name() + " → <hello", "netconf " + d.name() + " ← <hello")
                        .containsPattern("netconf " + d.name() + " → <rpc [^\\n]*<get-config>")
                        .containsPattern("netconf " + d.name() + " ← <rpc-reply [^\\n]*<data");
            }
            assertThat(plan.err()).contains("<authentication-key>***</authentication-key>");
            noSecret(plan);
            assertThat(plan.out()).as("the trace goes to stderr only").doesNotContain("netconf ");

            CliRun apply = CliRun.run(
                    "apply",
                    "--verbose",
                    "--inventory",
                    inv.toString(),
                    "--auto-approve",
                    "--on-failure",
                    "revert",
                    "--journal",
                    dir.resolve("journal").toString());
            assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.OK);
            assertThat(apply.err())
                    .contains("netconf " + iosxr.name() + " → <rpc", "<lock>", "<edit-config>", "<commit>")
                    .contains("<persist>***</persist>")
                    .contains("<persist-id>***</persist-id>")
                    .doesNotContainPattern("<persist(-id)?>(?!\\*\\*\\*<)");
            noSecret(apply);
            assertThat(apply.err().lines().filter(l -> l.startsWith("netconf ")))
                    .as("one line per message, nothing a router sends can start a line of its own")
                    .allSatisfy(l -> assertThat(l).matches("netconf lab-[a-z]+-\\d+ [→←] <.*"));
        }
    }

    private static void noSecret(CliRun r) {
        assertThat(r.all()).doesNotContain(PASSWORD).doesNotContain(VRRP_KEY).doesNotContain("Trace-Nine-Sentinel");
    }
}
