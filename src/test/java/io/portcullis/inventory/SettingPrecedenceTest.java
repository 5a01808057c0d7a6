package io.portcullis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory half of README's precedence rule, for every setting that can be given at more than one layer:
 * inventory host &gt; its groups (the later listed wins) &gt; {@code defaults.yaml} &gt; built-in default. Each setting
 * gets a different value at each layer, and five routers each see a different layer win, so a layer that is skipped,
 * or merged in the wrong order, changes exactly one assertion. (Flag and environment over the inventory:
 * {@code cli.OptionPrecedenceTest}, {@code cli.ApplyGuardrailsLabTest}.)
 */
class SettingPrecedenceTest {
    /** One setting: its YAML key, its value at defaults / first group / second group / host, and how it is read. */
    private record Setting(String key, List<String> values, Function<Device, Object> read) {
        String at(int layer) {
            return key + ": " + values.get(layer);
        }
    }

    private static final int DEFAULTS = 0;
    private static final int EARLY = 1;
    private static final int LATE = 2;
    private static final int HOST = 3;

    private static final List<Setting> SETTINGS = List.of(
            new Setting("confirm-timeout", List.of("101", "202", "303", "404"), d -> d.confirmTimeout()
                    .getAsInt()),
            new Setting("timeout", List.of("11", "22", "33", "44"), d -> d.rpcTimeout()
                    .map(Duration::toSeconds)
                    .orElseThrow()),
            // booleans alternate layer by layer, so each layer's win is visible against the one below it
            new Setting("validate", List.of("false", "true", "false", "true"), Device::validateCandidate),
            new Setting(
                    "host-key-checking",
                    List.of("accept-new", "strict", "accept-new", "strict"),
                    d -> d.hostKeyChecking().name()),
            new Setting("chain-foreign", List.of("true", "false", "true", "false"), Device::chainForeign),
            new Setting("port", List.of("1001", "1002", "1003", "1004"), Device::port),
            new Setting("username", List.of("d-user", "e-user", "l-user", "h-user"), d -> d.credentials()
                    .username()),
            new Setting(
                    "ssh-algorithm-exceptions",
                    List.of("[ssh-rsa]", "[diffie-hellman-group14-sha1]", "[ssh-rsa, hmac-sha1]", "[hmac-sha1]"),
                    d -> String.join(",", d.algorithmExceptions())));

    private static String layer(int layer, String indent) {
        StringBuilder sb = new StringBuilder();
        for (Setting s : SETTINGS) {
            sb.append(indent).append(s.at(layer)).append('\n');
        }
        return sb.toString();
    }

    private static String host(String name, String groups, boolean ownSettings) {
        return name + ":\n  hostname: 192.0.2.1\n  platform: junos\n  attach: {interfaces: [ge-1/0/0.100]}\n"
                + (groups == null ? "" : "  groups: " + groups + "\n")
                + (ownSettings ? layer(HOST, "  ") + "  data: {d: host}\n" : "");
    }

    @Test
    void hostBeatsTheLaterGroupWhichBeatsTheEarlierWhichBeatsDefaultsWhichBeatBuiltIn(@TempDir Path dir)
            throws Exception {
        Files.writeString(
                dir.resolve("hosts.yaml"),
                host("r-host", "[early, late]", true)
                        + host("r-late", "[early, late]", false)
                        + host("r-early", "[late, early]", false)
                        + host("r-group", "[early]", false)
                        + host("r-defaults", null, false));
        Files.writeString(
                dir.resolve("groups.yaml"),
                "early:\n" + layer(EARLY, "  ") + "  data: {b: early, c: early}\n" + "late:\n" + layer(LATE, "  ")
                        + "  data: {c: late}\n");
        Files.writeString(dir.resolve("defaults.yaml"), layer(DEFAULTS, "") + "data: {a: defaults, b: defaults}\n");
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.diagnostics()).isEmpty();

        Map<String, Integer> winner = Map.of(
                "r-host", HOST,
                "r-late", LATE, // groups [early, late]: the later listed wins
                "r-early", EARLY, // groups [late, early]
                "r-group", EARLY, // one group over defaults
                "r-defaults", DEFAULTS); // defaults over built-in
        for (Setting s : SETTINGS) {
            winner.forEach((router, layer) -> {
                Device d = inv.device(router).orElseThrow();
                assertThat(String.valueOf(s.read().apply(d)))
                        .as("%s on %s comes from layer %d", s.key(), router, layer)
                        .isEqualTo(expected(s, layer));
            });
        }
        // data: merged key by key through the same layers (as Nornir does), not replaced as a whole
        assertThat(inv.device("r-host").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "defaults", "b", "early", "c", "late", "d", "host"));
        assertThat(inv.device("r-early").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "defaults", "b", "early", "c", "early"));
        assertThat(inv.device("r-defaults").orElseThrow().data())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "defaults", "b", "defaults"));
    }

    @Test
    void withoutAnyLayerEachSettingHasItsBuiltInDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hosts.yaml"), host("r-bare", null, false));
        Inventory inv = InventoryLoader.load(dir);
        assertThat(inv.diagnostics()).isEmpty();
        Device d = inv.device("r-bare").orElseThrow();
        assertThat(d.confirmTimeout())
                .as("the apply's built-in 120 s then applies")
                .isEmpty();
        assertThat(d.rpcTimeout())
                .as("the session's built-in limits then apply")
                .isEmpty();
        assertThat(d.validateCandidate()).isTrue();
        assertThat(d.hostKeyChecking()).isEqualTo(HostKeyChecking.STRICT);
        assertThat(d.chainForeign()).isFalse();
        assertThat(d.port()).isEqualTo(830);
        assertThat(d.algorithmExceptions()).isEmpty();
        assertThat(d.data()).isEmpty();
    }

    /** The value {@code s} reads back when {@code layer} wins (normalised as the accessor returns it). */
    private static String expected(Setting s, int layer) {
        String v = s.values().get(layer);
        return switch (s.key()) {
            case "host-key-checking" -> v.toUpperCase().replace('-', '_');
            case "ssh-algorithm-exceptions" ->
                v.replace("[", "").replace("]", "").replace(" ", "");
            default -> v;
        };
    }
}
