package io.portcullis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 5: no key of the inventory is silently ignored, and per-router settings are typed and checked at load. */
class InventoryKeysTest {

    private static List<String> errors(Inventory inv) {
        return inv.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::format)
                .toList();
    }

    @Test
    void aMisspeltSecuritySettingIsAnErrorWithItsLineAndTheKeyItMeant(@TempDir Path dir) throws Exception {
        InventoryLoaderTest.write(dir, """
                r1:
                  hostname: 192.0.2.1
                  platform: junos
                  username: netconf
                  pasword-env: R1_SECRET
                  attach: {interfaces: [ge-0/0/0.1]}
                """, """
                bng:
                  host-key-cheking: off
                """, """
                conffirm-timeout: 60
                colour: blue
                """);
        Inventory inv = InventoryLoader.load(dir);
        List<String> errors = errors(inv);
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .contains("hosts.yaml:5")
                .contains("unknown key 'pasword-env'")
                .contains("did you mean 'password-env'?"));
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .contains("groups.yaml:2")
                .contains("unknown key 'host-key-cheking'")
                .contains("did you mean 'host-key-checking'?"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).contains("defaults.yaml:1").contains("did you mean 'confirm-timeout'?"));
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .contains("defaults.yaml:2")
                .contains("unknown key 'colour'")
                .doesNotContain("did you mean")
                .contains("free-form values go under data:"));
        assertThat(errors)
                .as("one error per misspelt key, reported where it is written, not once per host")
                .hasSize(4);
    }

    @Test
    void typedSettingsAreCheckedAtLoadAndReadWithoutParsing(@TempDir Path dir) throws Exception {
        InventoryLoaderTest.write(dir, """
                r1:
                  hostname: 192.0.2.1
                  platform: vrp
                  groups: [huawei]
                  attach: {interfaces: [GE0/0/1.100]}
                r2:
                  hostname: 192.0.2.2
                  platform: junos
                  timeout: 2m
                  validate: maybe
                  confirm-timeout: 0
                  attach: {interfaces: [ge-0/0/0.1]}
                """, """
                huawei:
                  timeout: 90
                  validate: false
                  confirm-timeout: 300
                """, null);
        Inventory inv = InventoryLoader.load(dir);
        Device r1 = inv.device("r1").orElseThrow();
        assertThat(r1.rpcTimeout()).contains(Duration.ofSeconds(90));
        assertThat(r1.validateCandidate()).isFalse();
        assertThat(r1.confirmTimeout()).hasValue(300);
        assertThat(inv.device("r2")).as("a host with a bad value is not used").isEmpty();
        assertThat(errors(inv))
                .anySatisfy(e -> assertThat(e)
                        .contains("hosts.yaml:9")
                        .contains("timeout of host 'r2' is '2m'")
                        .contains("whole seconds"))
                .anySatisfy(e -> assertThat(e).contains("hosts.yaml:10").contains("expected true or false"))
                .anySatisfy(
                        e -> assertThat(e).contains("hosts.yaml:11").contains("confirm-timeout of host 'r2' is '0'"));
    }

    @Test
    void freeFormDataIsAcceptedUnderDataAndMergedKeyByKey(@TempDir Path dir) throws Exception {
        InventoryLoaderTest.write(dir, """
                r1:
                  hostname: 192.0.2.1
                  platform: junos
                  groups: [tor]
                  attach: {interfaces: [ge-0/0/0.1]}
                  data: {rack: A12, site: tor-2}
                """, """
                tor:
                  data: {site: tor-1, region: east}
                """, """
                data: {owner: noc}
                """);
        Inventory inv = InventoryLoader.load(dir);
        assertThat(errors(inv)).isEmpty();
        Device r1 = inv.device("r1").orElseThrow();
        assertThat(r1.data())
                .containsEntry("owner", "noc")
                .containsEntry("region", "east")
                .containsEntry("site", "tor-2")
                .containsEntry("rack", "A12")
                .hasSize(4);
        assertThat(r1.confirmTimeout()).isEmpty();
        assertThat(r1.validateCandidate()).isTrue();
    }

    @Test
    void dataMustBeAMapping(@TempDir Path dir) throws Exception {
        InventoryLoaderTest.write(dir, """
                r1:
                  hostname: 192.0.2.1
                  platform: junos
                  attach: {interfaces: [ge-0/0/0.1]}
                  data: [a, b]
                """, null, null);
        assertThat(errors(InventoryLoader.load(dir))).anySatisfy(e -> assertThat(e)
                .contains("hosts.yaml:5")
                .contains("/r1/data")
                .contains("expected a mapping of free-form keys"));
    }

    @Test
    void editDistanceFindsTyposButNotUnrelatedWords() {
        assertThat(InventoryKeys.closest("hostnmae")).contains("hostname");
        assertThat(InventoryKeys.closest("private_key")).contains("private-key");
        assertThat(InventoryKeys.closest("colour")).isEmpty();
        assertThat(InventoryKeys.distance("kitten", "sitting")).isEqualTo(3);
    }
}
