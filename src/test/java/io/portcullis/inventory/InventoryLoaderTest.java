package io.portcullis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {

    static Path write(Path dir, String hosts, String groups, String defaults) throws Exception {
        Files.writeString(dir.resolve("hosts.yaml"), hosts);
        if (groups != null) {
            Files.writeString(dir.resolve("groups.yaml"), groups);
        }
        if (defaults != null) {
            Files.writeString(dir.resolve("defaults.yaml"), defaults);
        }
        return dir;
    }

    @Test
    void hostOverridesGroupsWhichOverrideDefaultsInListedOrder(@TempDir Path dir) throws Exception {
        write(dir, """
                r1:
                  hostname: 192.0.2.1
                  platform: junos
                  groups: [bng, toronto]
                  timeout: 90
                  attach:
                    interfaces: [ge-1/0/0.100]
                r2:
                  hostname: 192.0.2.2
                  groups: [toronto, bng]
                  attach:
                    profiles: [IPOE-SUB]
                """, """
                bng:
                  platform: iosxr
                  username: bng-user
                  port: 2022
                  confirm-timeout: 120
                toronto:
                  username: tor-user
                  known-hosts: keys/tor_known_hosts
                  chain-foreign: true
                """, """
                port: 830
                username: default-user
                password-file: secrets/netconf.pw
                host-key-checking: accept-new
                timeout: 30
                ssh-algorithm-exceptions: [ssh-rsa]
                """);
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.diagnostics()).isEmpty();
        Device r1 = inv.device("r1").orElseThrow();
        Device r2 = inv.device("r2").orElseThrow();

        assertThat(r1.platform()).as("host wins over group").isEqualTo("junos");
        assertThat(r2.platform()).as("from group bng").isEqualTo("iosxr");
        assertThat(r1.credentials().username()).as("later group toronto wins").isEqualTo("tor-user");
        assertThat(r2.credentials().username()).as("later group bng wins").isEqualTo("bng-user");
        assertThat(r1.port()).as("group over defaults").isEqualTo(2022);
        assertThat(r1.groups()).containsExactly("bng", "toronto");
        assertThat(r1.settings()).containsEntry("timeout", "90").containsEntry("confirm-timeout", "120");
        assertThat(r2.settings()).containsEntry("timeout", "30");
        assertThat(r1.hostKeyChecking()).isEqualTo(HostKeyChecking.ACCEPT_NEW);
        assertThat(r1.chainForeign()).isTrue();
        assertThat(r1.algorithmExceptions()).containsExactly("ssh-rsa");
        assertThat(r1.credentials().passwordFile())
                .as("relative to the inventory directory")
                .isEqualTo(dir.resolve("secrets/netconf.pw").normalize());
        assertThat(r1.knownHosts())
                .isEqualTo(dir.resolve("keys/tor_known_hosts").normalize());
        assertThat(r1.attachPoints()).containsExactly(new AttachPoint(AttachKind.INTERFACE, "ge-1/0/0.100"));
        assertThat(r2.attachPoints()).containsExactly(new AttachPoint(AttachKind.PROFILE, "IPOE-SUB"));
        assertThat(inv.groups()).containsExactly("bng", "toronto");
    }

    @Test
    void defaultsApplyWithoutGroupsAndPortDefaultsTo830(@TempDir Path dir) throws Exception {
        write(dir, """
                r1:
                  hostname: r1.example.net
                  platform: sros
                  attach: {profiles: [RESIDENTIAL]}
                """, null, null);
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.diagnostics()).isEmpty();
        Device d = inv.devices().get(0);
        assertThat(d.port()).isEqualTo(830);
        assertThat(d.hostKeyChecking()).isEqualTo(HostKeyChecking.STRICT);
        assertThat(d.credentials().passwordEnv()).isNull();
        assertThat(d.knownHosts()).isNull();
        assertThat(d.chainForeign()).isFalse();
    }

    @Test
    void literalPasswordIsRefusedWithoutEchoingIt(@TempDir Path dir) throws Exception {
        write(dir, """
                r1:
                  hostname: 192.0.2.1
                  platform: vrp
                  password: hunter2-very-secret
                  attach: {interfaces: [GigabitEthernet0/1/0.100]}
                """, null, "password: another-secret-value\n");
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.diagnostics()).hasSize(2).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("literal password is not allowed").contains("password-env");
            assertThat(d.format()).doesNotContain("hunter2").doesNotContain("another-secret");
        });
        assertThat(inv.diagnostics()).extracting(Diagnostic::line).containsExactlyInAnyOrder(4, 1);
        assertThat(inv.toString()).doesNotContain("hunter2");
    }

    @Test
    void problemsAreCollectedPerHost(@TempDir Path dir) throws Exception {
        write(dir, """
                ok:
                  hostname: 192.0.2.1
                  platform: openconfig
                  attach: {interfaces: [Ethernet1]}
                bad-platform:
                  hostname: 192.0.2.2
                  platform: eos
                no-host:
                  platform: ietf
                  attach: {interfaces: [eth0]}
                bad-port:
                  hostname: 192.0.2.4
                  platform: ietf
                  port: 0
                both-secrets:
                  hostname: 192.0.2.5
                  platform: ietf
                  password-env: X
                  password-file: y
                  attach: {interfaces: [eth0], vlans: [1]}
                bad-hkc:
                  hostname: 192.0.2.6
                  platform: ietf
                  host-key-checking: maybe
                """, null, null);
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.devices()).extracting(Device::name).containsExactly("ok");
        assertThat(inv.diagnostics())
                .extracting(Diagnostic::path)
                .contains(
                        "/bad-platform/platform",
                        "/no-host",
                        "/bad-port/port",
                        "/both-secrets/password-file",
                        "/both-secrets/attach/vlans",
                        "/bad-hkc/host-key-checking");
        assertThat(inv.diagnostics())
                .filteredOn(d -> "/bad-platform/platform".equals(d.path()))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains(String.join(", ", Platforms.ids())));
        assertThat(inv.hasErrors()).isTrue();
    }

    @Test
    void limitSelectsNamesAndGroupsAndRejectsUnknownOnes(@TempDir Path dir) throws Exception {
        write(dir, """
                a: {hostname: h, platform: junos, groups: [east], attach: {interfaces: [x]}}
                b: {hostname: h, platform: junos, groups: [west], attach: {interfaces: [x]}}
                c: {hostname: h, platform: junos, groups: [east, west], attach: {interfaces: [x]}}
                """, "east: {}\nwest: {}\nempty: {}\n", null);
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.diagnostics()).isEmpty();
        assertThat(Limit.apply(null, inv).devices()).hasSize(3);
        assertThat(Limit.apply("b, group:east", inv).devices())
                .extracting(Device::name)
                .containsExactly("a", "b", "c");
        assertThat(Limit.apply("group:west", inv).devices())
                .extracting(Device::name)
                .containsExactly("b", "c");
        Limit.Selection bad = Limit.apply("a,zz,group:nope,group:empty", inv);
        assertThat(bad.devices()).extracting(Device::name).containsExactly("a");
        assertThat(bad.diagnostics())
                .extracting(Diagnostic::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("device 'zz' is not in the inventory"),
                        m -> assertThat(m)
                                .contains("group 'nope' has no device")
                                .contains("not defined in groups.yaml"),
                        m -> assertThat(m)
                                .contains("group 'empty' has no device")
                                .doesNotContain("not defined"));
    }

    @Test
    void shippedInventoryHasOneDeviceOfEachPlatformWithAttachPoints() {
        Inventory inv = InventoryLoader.load(Path.of("inventory"));
        // Huawei bindings are declared unsupported by the vrp adapter, so its example host has no attach points
        assertThat(inv.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.path()).isEqualTo("/bng-mtl-02/attach");
        });
        assertThat(inv.devices()).extracting(Device::platform).containsExactlyInAnyOrderElementsOf(Platforms.ids());
        assertThat(inv.devices()).allSatisfy(d -> {
            assertThat(d.attachPoints().isEmpty()).isEqualTo(d.platform().equals("vrp"));
            assertThat(d.credentials().passwordEnv()).isEqualTo("PORTCULLIS_BNG_PASSWORD");
            assertThat(d.knownHosts())
                    .isEqualTo(Path.of("inventory/known_hosts").normalize());
        });
        Map<String, List<AttachPoint>> byPlatform = new java.util.HashMap<>();
        inv.devices().forEach(d -> byPlatform.put(d.platform(), d.attachPoints()));
        assertThat(byPlatform.get("junos")).contains(new AttachPoint(AttachKind.INTERFACE, "ge-1/0/0.100"));
        assertThat(byPlatform.get("iosxr")).contains(new AttachPoint(AttachKind.PROFILE, "IPOE-SUB"));
        assertThat(byPlatform.get("sros")).containsExactly(new AttachPoint(AttachKind.PROFILE, "RESIDENTIAL"));
    }
}
