package io.portcullis.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.inventory.Device;
import io.portcullis.inventory.HostKeyChecking;
import io.portcullis.inventory.Inventory;
import io.portcullis.inventory.InventoryLoader;
import io.portcullis.lab.device.SimDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("lab")
class LabFleetTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hundredDevicesStartAndEveryOneAnswersHelloWithItsOwnHostKey() throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(100).password("pw").start()) {
            assertThat(fleet.size()).isEqualTo(100);
            Set<Integer> ports = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (SimDevice d : fleet.devices()) {
                try (TestClient c = TestClient.connect(fleet, d)) {
                    assertThat(c.serverHello).as(d.name()).contains("urn:ietf:params:netconf:base:1.1");
                    assertThat(c.rpc(Payloads.GET_RUNNING)).as(d.name()).contains("<data>");
                }
                ports.add(d.port());
                keys.add(java.util.Base64.getEncoder()
                        .encodeToString(d.hostKey().getPublic().getEncoded()));
            }
            assertThat(ports).hasSize(100);
            assertThat(keys).hasSize(100);
            assertThat(fleet.devices())
                    .extracting(SimDevice::platform)
                    .containsOnly("junos", "iosxr", "sros", "vrp", "openconfig", "ietf");
            assertThat(fleet.devices().stream().filter(d -> d.rpcLog().touched()))
                    .isEmpty();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writtenInventoryLoadsWithTheTeamsLoaderAndPinsEveryHostKey(@TempDir Path dir) throws Exception {
        try (LabFleet fleet =
                LabFleet.builder().devices(6).password("never-in-files").start()) {
            fleet.writeInventory(dir, "PORTCULLIS_LAB_PASSWORD");
            for (String f : new String[] {"hosts.yaml", "groups.yaml", "defaults.yaml", "known_hosts"}) {
                assertThat(Files.readString(dir.resolve(f))).as(f).doesNotContain("never-in-files");
            }
            Inventory inv = InventoryLoader.load(dir);
            assertThat(inv.devices()).hasSize(6);
            for (SimDevice sd : fleet.devices()) {
                Device d = inv.devices().stream()
                        .filter(x -> x.name().equals(sd.name()))
                        .findFirst()
                        .orElseThrow();
                assertThat(d.port()).isEqualTo(sd.port());
                assertThat(d.hostname()).isEqualTo("127.0.0.1");
                assertThat(d.platform()).isEqualTo(sd.platform());
                assertThat(d.hostKeyChecking()).isEqualTo(HostKeyChecking.STRICT);
                assertThat(d.credentials().username()).isEqualTo("lab");
                assertThat(d.credentials().passwordEnv()).isEqualTo("PORTCULLIS_LAB_PASSWORD");
                if (sd.platform().equals("vrp")) {
                    // Huawei bindings are a declared platform limitation: the writer lists no attach points for VRP
                    assertThat(d.attachPoints()).isEmpty();
                } else {
                    assertThat(d.attachPoints()).isNotEmpty();
                }
                assertThat(Files.readString(d.knownHosts())).contains("[127.0.0.1]:" + sd.port() + " ssh-ed25519 ");
            }
            Device junos = inv.devices().stream()
                    .filter(x -> x.platform().equals("junos"))
                    .findFirst()
                    .orElseThrow();
            assertThat(junos.interfaces()).containsExactly("ge-1/0/0.100");
            assertThat(junos.profiles()).containsExactly("PPPOE-SUBSCRIBER");
        }
    }
}
