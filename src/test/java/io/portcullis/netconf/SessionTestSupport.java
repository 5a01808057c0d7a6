package io.portcullis.netconf;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.fixture.MemoryTransport;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;

/** Opens sessions to in-memory fake servers and cleans up. */
abstract class SessionTestSupport {
    protected final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-rpc-timer");
        t.setDaemon(true);
        return t;
    });
    protected MemoryTransport transport;

    protected ClientSettings settings() {
        return ClientSettings.defaults()
                .withHelloTimeout(Duration.ofMillis(500))
                .withRpcTimeout(Duration.ofSeconds(3))
                .withCloseTimeout(Duration.ofMillis(500));
    }

    protected NetconfSession open(FakeNetconfServer server) throws NetconfException {
        return open(server, settings());
    }

    protected NetconfSession open(FakeNetconfServer server, ClientSettings s) throws NetconfException {
        transport = new MemoryTransport(server);
        return NetconfSession.establish(transport, s, timer);
    }

    @AfterEach
    void stopTimer() {
        if (transport != null) {
            transport.close();
        }
        timer.shutdownNow();
    }
}
