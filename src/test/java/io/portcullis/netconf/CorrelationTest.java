package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checklist D.2 #17 (message-id), A.1 pipelining, D.1 #7/#9/#11 (deadlines, close, flood), D.2 #15 (EOM in data). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CorrelationTest extends SessionTestSupport {
    private static final NetconfRpc GET = NetconfRpc.raw("get", "<get/>");

    private static Failure failureOf(CompletableFuture<RpcReply> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected failure");
        } catch (ExecutionException e) {
            return ((NetconfException) e.getCause()).failure();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            ids.add(id);
            if (ids.size() == 5) {
                for (String i : ids) {
                    s.reply(i, "<data><n xmlns=\"urn:x\">" + i + "</n></data>");
                }
            }
        });
        try (NetconfSession s = open(server)) {
            List<CompletableFuture<RpcReply>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(s.send(GET, Duration.ofSeconds(5)));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(futures.get(i).get(5, TimeUnit.SECONDS).data().getTextContent())
                        .isEqualTo(ids.get(i));
            }
        }
    }

    @Test
    void mismatchedMessageIdClosesTheSessionAndFailsEveryOutstandingRpc() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            ids.add(id);
            if (ids.size() == 2) {
                s.reply("999", "<ok/>");
            }
        });
        NetconfSession s = open(server);
        CompletableFuture<RpcReply> a = s.send(GET, Duration.ofSeconds(5));
        CompletableFuture<RpcReply> b = s.send(GET, Duration.ofSeconds(5));
        assertThat(failureOf(a)).isEqualTo(Failure.PROTOCOL_DESYNC);
        assertThat(failureOf(b)).isEqualTo(Failure.PROTOCOL_DESYNC);
        assertThat(s.isOpen()).isFalse();
        assertThat(transport.isClosed()).isTrue();
        assertThatThrownBy(() -> s.execute(GET)).hasMessageContaining("protocol desync");
    }

    @Test
    void duplicateReplyIsADesync() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            s.reply(id, "<ok/>");
            s.reply(id, "<ok/>");
        });
        NetconfSession s = open(server);
        assertThat(s.execute(GET).ok()).isTrue();
        waitUntilClosed(s);
        assertThat(s.closeCause().orElseThrow().failure()).isEqualTo(Failure.PROTOCOL_DESYNC);
    }

    @Test
    void replyWithoutMessageIdIsADesync() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11()
                .script((s, id, op) -> s.send("<rpc-reply xmlns=\"" + FakeNetconfServer.BASE + "\"><ok/></rpc-reply>"));
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET))
                .hasMessageContaining("without message-id")
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.PROTOCOL_DESYNC));
    }

    @Test
    void unsolicitedReplyIsADesync() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11();
        NetconfSession s = open(server);
        server.reply("1", "<ok/>");
        waitUntilClosed(s);
        assertThat(s.closeCause().orElseThrow().getMessage()).contains("unsolicited");
    }

    @Test
    void eomMarkerInsideAnAttributeOnBase10FailsTheSession() throws Exception {
        FakeNetconfServer server = new FakeNetconfServer(5, "urn:ietf:params:netconf:base:1.0")
                .script((s, id, op) -> s.sendRaw(("<rpc-reply xmlns=\"" + FakeNetconfServer.BASE + "\" message-id=\""
                                + id + "\"><data><x xmlns=\"urn:x\" a=\"]]>]]>\"/></data></rpc-reply>]]>]]>")
                        .getBytes()));
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET))
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.FRAMING))
                .hasMessageContaining("]]>]]> occurs inside data");
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void eomMarkerInsideACommentOnBase10FailsTheSession() throws Exception {
        // D.2 #15, the comment variant: the marker ends the message inside the comment; the rest must not become a
        // reply
        FakeNetconfServer server = new FakeNetconfServer(5, "urn:ietf:params:netconf:base:1.0")
                .script((s, id, op) -> s.sendRaw(("<rpc-reply xmlns=\"" + FakeNetconfServer.BASE + "\" message-id=\""
                                + id + "\"><data><!-- remark ]]>]]> --><x xmlns=\"urn:x\"/></data></rpc-reply>]]>]]>")
                        .getBytes()));
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET)).satisfies(e -> assertThat(((NetconfException) e).failure())
                .isIn(Failure.FRAMING, Failure.PROTOCOL_DESYNC));
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void rpcDeadlineIsAbsoluteEvenUnderANotificationFloodAndNoNotificationIsDropped() throws Exception {
        int flood = 2000;
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            for (int i = 0; i < flood; i++) {
                s.notification("<tick xmlns=\"urn:x\">" + i + "</tick>");
            }
        });
        try (NetconfSession s = open(server)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute(GET, Duration.ofMillis(700)))
                    .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.RPC_TIMEOUT));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(ms).isBetween(650L, 2500L);
            long deadline = System.currentTimeMillis() + 5000;
            while (s.notifications().received() < flood && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(s.notifications().received()).isEqualTo(flood);
            for (int i = 0; i < flood; i++) {
                Notification n = s.notifications().poll(Duration.ofSeconds(1)).orElseThrow();
                assertThat(n.event().getTextContent()).isEqualTo(String.valueOf(i));
            }
            // a timed-out RPC's late reply is matched and dropped; the session stays usable
            assertThat(s.isOpen()).isTrue();
        }
    }

    @Test
    void halfOpenPeerFailsTheRpcWithinItsDeadline() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11();
        NetconfSession s = open(server);
        transport.blackhole = true;
        long start = System.nanoTime();
        assertThatThrownBy(() -> s.execute(GET, Duration.ofMillis(400)))
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.RPC_TIMEOUT))
                .hasMessageContaining("no reply within 400 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        s.close();
    }

    @Test
    void closeSessionWithoutReplyStillClosesTheTransportWithinTheDeadline() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {});
        NetconfSession s = open(server);
        long start = System.nanoTime();
        s.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(server.receivedOperations).containsExactly("close-session");
        assertThat(transport.isClosed()).isTrue();
        assertThat(s.isOpen()).isFalse();
    }

    @Test
    void serverHangupFailsOutstandingRpcsAsSessionClosed() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> transport.serverCloses());
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET))
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.SESSION_CLOSED));
    }

    @Test
    void truncatedChunkedReplyAtHangupIsAFramingError() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            s.sendRaw("\n#100\n<rpc-reply".getBytes());
            transport.serverCloses();
        });
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET))
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.FRAMING));
    }

    @Test
    void missingCapabilityFailsClearlyWithoutSending() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11();
        try (NetconfSession s = open(server)) {
            assertThatThrownBy(() -> s.execute(
                            new io.portcullis.netconf.rpc.Lock(io.portcullis.netconf.rpc.Datastore.CANDIDATE)))
                    .hasMessage("server memory:830 lacks :candidate, which lock needs")
                    .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.MISSING_CAPABILITY));
            assertThat(server.receivedOperations).isEmpty();
        }
    }

    private static void waitUntilClosed(NetconfSession s) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (s.isOpen() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(s.isOpen()).isFalse();
    }
}
