package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CI workflow through the real command line (picocli, exit codes of design.md section 4) on a mixed lab
 * fleet over SSH: plan exits 2 and touches nothing, apply --plan exits 0, a second plan and drift exit 0,
 * an out-of-band change makes drift exit 2, and a plan made before a change is refused for that router.
 */
@Tag("lab")
class LabWorkflowCommandTest {
    private static final String PASSWORD = "Lab-Workflow-Sentinel-91";

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = CommandLines.create(null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The CLI reads secrets from the environment; a test JVM cannot set one, so point the inventory at a file. */
    private static void usePasswordFile(Path inventory) throws Exception {
        Files.writeString(inventory.resolve("lab-password"), PASSWORD);
        Path groups = inventory.resolve("groups.yaml");
        Files.writeString(
                groups,
                Files.readString(groups)
                        .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void planApplyPlanDriftThroughTheCommandLine(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(6).password(PASSWORD).start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            usePasswordFile(inv);
            String[] invOpt = {"--inventory", inv.toString()};

            Run plan = run(
                    cat(new String[] {"plan", "--out", dir.resolve("plan.json").toString()}, invOpt));
            assertThat(plan.exit()).as(plan.err()).isEqualTo(ExitCodes.CHANGES);
            assertThat(plan.out()).contains("TCP/587 toward subscribers (ipv4): forwarded → dropped");
            for (SimDevice d : fleet.devices()) {
                assertThat(d.rpcLog().touched())
                        .as("plan is read-only on " + d.name())
                        .isFalse();
            }

            Run apply = run(cat(
                    new String[] {
                        "apply",
                        "--plan",
                        dir.resolve("plan.json").toString(),
                        "--canary",
                        "1",
                        "--parallel",
                        "3",
                        "--junit",
                        dir.resolve("junit.xml").toString()
                    },
                    invOpt));
            assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(dir.resolve("junit.xml")))
                    .contains("testcase")
                    .doesNotContain("<failure");

            assertThat(run(cat(new String[] {"plan"}, invOpt)).exit()).isEqualTo(ExitCodes.OK);
            assertThat(run(cat(new String[] {"drift"}, invOpt)).exit()).isEqualTo(ExitCodes.OK);

            // someone deletes our SNMP term on the Junos router by hand: drift sees it, with its packet impact
            SimDevice junos = fleet.devices().stream()
                    .filter(d -> d.platform().equals("junos"))
                    .findFirst()
                    .orElseThrow();
            junos.outOfBandEdit("""
                    <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                     <configuration><firewall><family><inet><filter><name>PORTCULLIS-SUBPROTECT-V4</name>
                      <term nc:operation="delete"><name>deny-snmp</name></term>
                     </filter></inet></family></firewall></configuration></config>""");
            Run drift = run(cat(new String[] {"drift", "--json"}, invOpt));
            assertThat(drift.exit()).as(drift.err()).isEqualTo(ExitCodes.CHANGES);
            assertThat(drift.out()).contains(junos.name()).contains("deny-snmp");
            for (String output :
                    new String[] {plan.out(), plan.err(), apply.out(), apply.err(), drift.out(), drift.err()}) {
                assertThat(output).as("no secret in any output").doesNotContain(PASSWORD);
            }
        }
    }

    private static String[] cat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
