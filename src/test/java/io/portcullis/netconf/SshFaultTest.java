package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.fixture.FreezableProxy;
import io.portcullis.netconf.fixture.TestSshServer;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.GetConfig;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checklist D.1 #7, #8, #9, #11 and D.6 #47 over real SSH, each followed by the no-leak check. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshFaultTest extends SshTestSupport {
    private static final NetconfRpc GET = NetconfRpc.raw("get", "<get/>");

    private static Failure failureOf(Throwable t) {
        return ((NetconfException) t).failure();
    }

    @Test
    void halfOpenPeerFailsTheRpcByItsDeadlineAndTheHeartbeatDeclaresItDead() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(
                fast().withHeartbeat(Duration.ofMillis(300), 2).withReadTimeout(Duration.ofSeconds(20)));
        int fdsBefore = openFds();
        try (FreezableProxy proxy = new FreezableProxy(server.port())) {
            Endpoint viaProxy = Endpoint.of(
                    "127.0.0.1",
                    proxy.port(),
                    TestSshServer.USER,
                    Credential.password(PASSWORD.toCharArray()),
                    TestSshServer.knownHosts(tmp, proxy.port(), server.hostKey.getPublic()));
            NetconfSession s = client.connect(viaProxy);
            assertThat(s.execute(GET).ok()).isTrue();
            proxy.freeze();
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute(GET, Duration.ofMillis(800)))
                    .satisfies(e -> assertThat(failureOf(e)).isIn(Failure.RPC_TIMEOUT, Failure.SESSION_CLOSED));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2500);
            long deadline = System.currentTimeMillis() + 5000;
            while (s.isOpen() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(s.isOpen())
                    .as("heartbeat (300 ms x 2) must declare the peer dead")
                    .isFalse();
            s.close();
        }
        client.close();
        assertFdsBackTo(fdsBefore);
    }

    @Test
    void serverThatNeverSendsHelloFailsCleanly() throws Exception {
        server = TestSshServer.start(PASSWORD, () -> FakeNetconfServer.base11().noHello());
        client = NetconfClient.create(fast().withHelloTimeout(Duration.ofMillis(700)));
        int fdsBefore = openFds();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.connect(endpoint(knownHosts())))
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.HELLO_FAILED))
                .hasMessageContaining("sent no hello within 700 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4000);
        client.close();
        assertFdsBackTo(fdsBefore);
    }

    @Test
    void closeSessionWithoutReplyIsForceClosedWithinTheDeadline() throws Exception {
        server = TestSshServer.start(PASSWORD, () -> FakeNetconfServer.base11().script((s, id, op) -> {
            if (!"close-session".equals(op.getLocalName())) {
                s.reply(id, "<ok/>");
            }
        }));
        client = NetconfClient.create(fast());
        NetconfSession s = client.connect(endpoint(knownHosts()));
        assertThat(s.execute(GET).ok()).isTrue();
        long start = System.nanoTime();
        s.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2500);
        assertThat(server.sessions.get(0).receivedOperations).containsExactly("get", "close-session");
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    void notificationFloodWhileAnRpcIsOutstanding() throws Exception {
        int flood = 3000;
        server = TestSshServer.start(PASSWORD, () -> FakeNetconfServer.base11().script((s, id, op) -> {
            if ("get".equals(op.getLocalName())) {
                for (int i = 0; i < flood; i++) {
                    s.notification("<tick xmlns=\"urn:x\">" + i + "</tick>");
                }
                // no reply: the RPC must still end at its absolute deadline
            } else {
                s.reply(id, "<ok/>");
            }
        }));
        client = NetconfClient.create(fast());
        try (NetconfSession s = client.connect(endpoint(knownHosts()))) {
            // an answered RPC first: the unanswered get must not be the session's first RPC, or the client's
            // first-RPC nudge (FirstRpcNudge, at 1 s) gets its reply ahead of the get's and the session rightly
            // ends as PROTOCOL_DESYNC; this test is about the deadline under a notification flood
            assertThat(s.execute(NetconfRpc.raw("warm-up", "<get-config><source><running/></source></get-config>"))
                            .ok())
                    .isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute(GET, Duration.ofMillis(1500)))
                    .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.RPC_TIMEOUT));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1400L, 3500L);
            long deadline = System.currentTimeMillis() + 10_000;
            while (s.notifications().received() < flood && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(s.notifications().received()).isEqualTo(flood);
            assertThat(s.notifications().pending()).isEqualTo(flood);
        }
    }

    @Test
    void sentinelPasswordNeverAppearsInExceptionsOrLogs() throws Exception {
        String sentinel = "Sentinel-Secret-0xC0FFEE";
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        StringBuilder julLog = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                julLog.append(r.getMessage())
                        .append(' ')
                        .append(java.util.Arrays.toString(r.getParameters()))
                        .append('\n');
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        System.setOut(new PrintStream(captured, true));
        System.setErr(new PrintStream(captured, true));
        Throwable failure;
        try {
            client = NetconfClient.create(fast());
            Endpoint wrong = Endpoint.of(
                    "127.0.0.1",
                    server.port(),
                    TestSshServer.USER,
                    Credential.password(sentinel.toCharArray()),
                    knownHosts());
            failure = org.assertj.core.api.Assertions.catchThrowable(() -> client.connect(wrong));
            System.err.println(wrong);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            root.removeHandler(handler);
        }
        assertThat(failureOf(failure)).isEqualTo(Failure.AUTH_FAILED);
        assertThat(failure).hasMessageContaining("authentication to 127.0.0.1:" + server.port() + " failed");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(sentinel);
        assertThat(captured.toString()).doesNotContain(sentinel).contains("password(****)");
        assertThat(julLog.toString()).doesNotContain(sentinel);
        assertThat(server.passwordAttempts.get()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsClassified() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = NetconfClient.create(fast());
        Endpoint e =
                Endpoint.of("127.0.0.1", closedPort, "u", Credential.password("x".toCharArray()), tmp.resolve("kh"));
        assertThatThrownBy(() -> client.connect(e))
                .satisfies(x -> assertThat(failureOf(x)).isEqualTo(Failure.CONNECT_REFUSED))
                .hasMessageContaining("refused");
    }

    @Test
    void pipelinedRpcsAndManySessionsShareOneClient() throws Exception {
        server = TestSshServer.start(PASSWORD, () -> FakeNetconfServer.base11()
                .script((s, id, op) -> s.reply(id, "<data><v xmlns=\"urn:x\">" + id + "</v></data>")));
        client = NetconfClient.create(fast());
        NetconfSession[] sessions = new NetconfSession[5];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = client.connect(endpoint(knownHosts()));
        }
        for (NetconfSession s : sessions) {
            var a = s.send(GetConfig.of(Datastore.RUNNING), Duration.ofSeconds(3));
            var b = s.send(GetConfig.of(Datastore.RUNNING), Duration.ofSeconds(3));
            assertThat(a.get(3, TimeUnit.SECONDS).data().getTextContent()).isEqualTo("1");
            assertThat(b.get(3, TimeUnit.SECONDS).data().getTextContent()).isEqualTo("2");
        }
        // MINA: (cpus+1) nio2 workers + as many read-resume threads + 1 timer; ours: 1 deadline timer. None per
        // session.
        long bound = 2L * (Runtime.getRuntime().availableProcessors() + 1) + 2;
        assertThat((long) clientThreads().size())
                .as("no thread per session: %s", clientThreads())
                .isLessThanOrEqualTo(bound);
        for (NetconfSession s : sessions) {
            s.close();
        }
    }

    @Test
    void windowStallWhileWritingABigEditTimesOutInsteadOfHanging() throws Exception {
        server = TestSshServer.start(PASSWORD, () -> {
            FakeNetconfServer f = FakeNetconfServer.base11("urn:ietf:params:netconf:capability:writable-running:1.0");
            f.stallAfterHello = true;
            return f;
        });
        client = NetconfClient.create(fast().withWindowTimeout(Duration.ofSeconds(1)));
        NetconfSession s = client.connect(endpoint(knownHosts()));
        String big =
                "<acls xmlns=\"urn:x\">" + "<acl><name>remark-ü</name></acl>".repeat(600_000) + "</acls>"; // ~20 MB
        long start = System.nanoTime();
        assertThatThrownBy(() -> s.execute(
                        io.portcullis.netconf.rpc.EditConfig.of(Datastore.RUNNING, big), Duration.ofSeconds(3)))
                .isInstanceOf(NetconfException.class)
                .hasMessageContaining("SSH window stalled");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8000);
        assertThat(s.isOpen()).isFalse();
    }

    private static void assertFdsBackTo(int before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (openFds() > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openFds()).as("open file descriptors after close").isLessThanOrEqualTo(before);
    }
}
