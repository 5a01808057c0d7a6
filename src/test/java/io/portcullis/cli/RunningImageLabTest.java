package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.store.Backend;
import io.portcullis.store.DbSettings;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each router held before a recorded apply (H2 and PostgreSQL): the run keeps, per router, the
 * managed-subtree digest before and after ({@code history RUN_ID}: "running X → Y"; {@code --json}) and, for
 * routers it edited, the subtree as read ({@code history RUN_ID --pre-image ROUTER}), taken from the
 * transaction's own get-config: the router sees the same RPCs with recording on or off. Secrets the router
 * holds inside that subtree (a VRRP authentication key under the bound unit, a $9$ string) and the lab
 * password never reach any column of the database.
 */
@Tag("lab")
class RunningImageLabTest {
    private static final String PASSWORD = "Running-Image-Sentinel-64";
    private static final String VRRP_KEY = "Vrrp-Key-Sentinel-77";
    private static final String JUNIPER_NINE = "$9$Junos-Nine-Sentinel-19";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        DbProperties.clear();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void eachRouterKeepsRunningBeforeAndAfterAndThePreImageWithoutSecrets(Backend b) throws Exception {
        DbSettings s = b.fresh(dir);
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
            // secrets inside the managed subtree: the bound unit's family comes back whole
            junos.outOfBandEdit("""
                    <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                     <configuration><interfaces><interface><name>ge-1/0/0</name><unit><name>100</name><family><inet><address>
                      <name>100.64.0.1/22</name><vrrp-group><name>1</name><authentication-key>%s</authentication-key>
                      <virtual-address>100.64.0.3</virtual-address><description>%s</description></vrrp-group>
                     </address></inet></family></unit></interface></interfaces></configuration></config>""".formatted(VRRP_KEY, JUNIPER_NINE));
            assertThat(junos.runningXml()).contains(VRRP_KEY);

            // the RPCs an apply sends, with recording off: the recorded apply must send exactly these
            DbProperties.off();
            CliRun unrecorded =
                    CliRun.run("apply", "--inventory", inv.toString(), "--limit", iosxr.name(), "--auto-approve");
            assertThat(unrecorded.exit()).as(unrecorded.all()).isEqualTo(ExitCodes.OK);
            List<String> unrecordedRpcs = iosxr.rpcLog().operations();
            deleteSnmpTerm(iosxr);
            iosxr.rpcLog().clear();

            DbProperties.use(s);
            CliRun apply = CliRun.run("apply", "--inventory", inv.toString(), "--auto-approve");
            assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.OK);
            assertThat(apply.out()).contains("2 applied");
            assertThat(iosxr.rpcLog().operations())
                    .as("no extra round trip for the record")
                    .isEqualTo(unrecordedRpcs);

            HistoryRun run = HistoryDocument.fromJson(CliRun.run("history", "--json", "--kind", "apply", "--limit", "1")
                            .out())
                    .runs()
                    .get(0);
            assertThat(run.routers()).hasSize(2).allSatisfy(r -> {
                assertThat(r.digestBefore()).startsWith("sha256:");
                assertThat(r.digestAfter()).startsWith("sha256:").isNotEqualTo(r.digestBefore());
            });
            CliRun text = CliRun.run("history", run.id());
            assertThat(text.out().lines().filter(l -> l.matches("  running [0-9a-f]{9} → [0-9a-f]{9}")))
                    .hasSize(2);

            CliRun pre = CliRun.run("history", run.id(), "--pre-image", junos.name());
            assertThat(pre.exit()).as(pre.all()).isZero();
            assertThat(pre.out())
                    .contains("FOREIGN-MGMT", "<authentication-key>***</authentication-key>", "vrrp-group")
                    .doesNotContain(VRRP_KEY)
                    .doesNotContain("Junos-Nine-Sentinel");
            CliRun preXr = CliRun.run("history", run.id(), "--pre-image", iosxr.name());
            assertThat(preXr.out())
                    .as("the pre-image is what the router held: the first apply's ACL without its deleted term")
                    .contains("PORTCULLIS-SUBPROTECT-V4")
                    .doesNotContain("eq 161");

            // nothing to do: before = after, and no pre-image (running still holds it)
            CliRun again = CliRun.run("apply", "--inventory", inv.toString(), "--auto-approve");
            assertThat(again.out()).as(again.all()).contains("2 no-change");
            HistoryRun same = HistoryDocument.fromJson(
                            CliRun.run("history", "--json", "--kind", "apply", "--limit", "1")
                                    .out())
                    .runs()
                    .get(0);
            assertThat(same.routers())
                    .allSatisfy(r -> assertThat(r.digestAfter()).isNotNull().isEqualTo(r.digestBefore()));
            HistoryRun.Router junosAfter = run.routers().stream()
                    .filter(r -> r.router().equals(junos.name()))
                    .findFirst()
                    .orElseThrow();
            assertThat(same.routers().stream()
                            .filter(r -> r.router().equals(junos.name()))
                            .findFirst()
                            .orElseThrow()
                            .digestBefore())
                    .isEqualTo(junosAfter.digestAfter());
            CliRun none = CliRun.run("history", same.id(), "--pre-image", junos.name());
            assertThat(none.exit()).isEqualTo(ExitCodes.ERROR);
            assertThat(none.err()).contains("kept no pre-image");

            // every pcl_* table, whichever migration added it (pre-images live in pcl_pre_image since V11)
            String everything = io.portcullis.store.DatabaseText.dump(s);
            assertThat(everything)
                    .contains("authentication-key")
                    .doesNotContain(VRRP_KEY)
                    .doesNotContain("Junos-Nine-Sentinel")
                    .doesNotContain(PASSWORD);
        } finally {
            DbProperties.clear();
            b.drop(s);
        }
    }

    private static void deleteSnmpTerm(SimDevice iosxr) {
        String running = iosxr.runningXml();
        assertThat(running).contains("PORTCULLIS-SUBPROTECT-V4");
        iosxr.outOfBandEdit("""
                <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                 <ipv4-acl-and-prefix-list xmlns="http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-acl-cfg"><accesses><access>
                  <access-list-name>PORTCULLIS-SUBPROTECT-V4</access-list-name><access-list-entries>
                   <access-list-entry nc:operation="delete"><sequence-number>10001</sequence-number></access-list-entry>
                 </access-list-entries></access></accesses></ipv4-acl-and-prefix-list></config>""");
        assertThat(iosxr.runningXml()).isNotEqualTo(running);
    }
}
