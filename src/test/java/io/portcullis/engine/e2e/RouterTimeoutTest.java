package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.Inventory;
import io.portcullis.inventory.InventoryLoader;
import io.portcullis.netconf.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory's {@code timeout:} bounds the whole handshake of that router (TCP connect and key exchange,
 * authentication, hello), not only its RPC replies (issue 13 item 5): a router whose SSH server accepts TCP and then
 * says nothing is classified TIMEOUT within its own limit, shorter or longer than the client-wide default.
 */
@Tag("lab")
class RouterTimeoutTest {

    private static Device device(Path dir, int port, int timeoutSeconds) throws Exception {
        Path inv = Files.createDirectories(dir.resolve("inv-" + timeoutSeconds));
        Files.writeString(inv.resolve("hosts.yaml"), """
                stalled:
                  hostname: 127.0.0.1
                  port: %d
                  platform: junos
                  username: portcullis
                  password-env: STALLED_PASSWORD
                  host-key-checking: off
                  timeout: %d
                  attach:
                    interfaces: [ge-0/0/0.100]
                """.formatted(port, timeoutSeconds));
        Inventory i = InventoryLoader.load(inv);
        assertThat(i.hasErrors()).as(i.diagnostics().toString()).isFalse();
        return i.devices().get(0);
    }

    private static long secondsToClassify(NetconfConnector connector, Device d) {
        long t0 = System.nanoTime();
        RouterException e = catchThrowableOfType(() -> connector.open(d).close(), RouterException.class);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e).as("a silent SSH server is an error").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(RouterException.Kind.TIMEOUT);
        return ms;
    }

    @Test
    void aStalledHandshakeIsClassifiedWithinTheRoutersOwnTimeout(@TempDir Path dir) throws Exception {
        try (Blackhole hole = Blackhole.start(1, 0);
                NetconfConnector connector = new NetconfConnector(ClientSettings.defaults(), name -> "not-used")) {
            int port = hole.silentPorts().get(0);
            // client-wide default: 10 s connect + 15 s auth; this router says 2 s
            long ms = secondsToClassify(connector, device(dir, port, 2));
            assertThat(ms)
                    .as("classified after %d ms, within its 2 s (not the 15 s default)", ms)
                    .isBetween(1_500L, 9_000L);
        }
    }

    @Test
    void aLongerRouterTimeoutIsHonouredToo(@TempDir Path dir) throws Exception {
        ClientSettings quick = ClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(1))
                .withAuthTimeout(Duration.ofSeconds(1))
                .withHelloTimeout(Duration.ofSeconds(1));
        try (Blackhole hole = Blackhole.start(1, 0);
                NetconfConnector connector = new NetconfConnector(quick, name -> "not-used")) {
            long ms =
                    secondsToClassify(connector, device(dir, hole.silentPorts().get(0), 5));
            assertThat(ms)
                    .as("waited %d ms: the router's 5 s, not the client's 1 s", ms)
                    .isGreaterThanOrEqualTo(4_500L);
        }
    }
}
