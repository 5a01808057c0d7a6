package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.framing.Framing;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checklist D.2 #16 and A.1: hello rules. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HelloTest extends SessionTestSupport {
    private static final String B10 = "urn:ietf:params:netconf:base:1.0";
    private static final String B11 = "urn:ietf:params:netconf:base:1.1";

    @Test
    void bothBase11GivesChunkedAndOurHelloIsEomFramedWithoutSessionId() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11(
                "urn:ietf:params:netconf:capability:candidate:1.0",
                "http://openconfig.net/yang/acl?module=openconfig-acl&revision=2023-02-06&features=a,b&deviations=x");
        try (NetconfSession s = open(server)) {
            assertThat(s.framing()).isEqualTo(Framing.CHUNKED);
            assertThat(server.framing()).isEqualTo(Framing.CHUNKED);
            assertThat(s.sessionId()).isEqualTo(42);
            assertThat(server.clientHello).contains(B10).contains(B11).doesNotContain("session-id");
            assertThat(s.capabilities().has(":candidate")).isTrue();
            assertThat(s.capabilities().module("openconfig-acl")).hasValueSatisfying(m -> {
                assertThat(m.revision()).isEqualTo("2023-02-06");
                assertThat(m.features()).containsExactly("a", "b");
                assertThat(m.deviations()).containsExactly("x");
            });
            assertThat(s.execute(NetconfRpc.raw("get", "<get/>")).ok()).isTrue();
        }
    }

    @Test
    void serverWithoutBase11KeepsEndOfMessage() throws Exception {
        FakeNetconfServer server = new FakeNetconfServer(7, B10);
        try (NetconfSession s = open(server)) {
            assertThat(s.framing()).isEqualTo(Framing.END_OF_MESSAGE);
            assertThat(s.execute(NetconfRpc.raw("get", "<get/>")).ok()).isTrue();
        }
    }

    @Test
    void missingHelloFailsWithinTheHelloTimeoutAndClosesTheTransport() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> open(new FakeNetconfServer(1, B10).noHello()))
                .isInstanceOf(NetconfException.class)
                .hasMessageContaining("sent no hello within 500 ms")
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.HELLO_FAILED));
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(3));
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void chunkedHelloIsRefusedAtOnce() {
        String hello = "<hello xmlns=\"" + FakeNetconfServer.BASE + "\"><capabilities><capability>" + B11
                + "</capability></capabilities><session-id>3</session-id></hello>";
        FakeNetconfServer server = new FakeNetconfServer(3, B11).noHello();
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
                    transport = new io.portcullis.netconf.fixture.MemoryTransport(server);
                    var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return NetconfSession.establish(
                                    transport, settings().withHelloTimeout(java.time.Duration.ofSeconds(5)), timer);
                        } catch (NetconfException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    });
                    Thread.sleep(100);
                    server.sendRaw(io.portcullis.netconf.framing.FrameEncoder.encode(hello, Framing.CHUNKED));
                    pending.join();
                })
                .hasMessageContaining("framed its hello as chunked");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    void serverHelloWithoutSessionIdIsRefused() {
        String clientStyle = "<hello xmlns=\"" + FakeNetconfServer.BASE + "\"><capabilities><capability>" + B10
                + "</capability></capabilities></hello>";
        assertThatThrownBy(() -> open(new FakeNetconfServer(1, B10).helloXml(clientStyle)))
                .hasMessageContaining("without session-id")
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.HELLO_FAILED));
    }

    @Test
    void invalidSessionIdIsRefused() {
        String bad = "<hello xmlns=\"" + FakeNetconfServer.BASE + "\"><capabilities><capability>" + B10
                + "</capability></capabilities><session-id>0</session-id></hello>";
        assertThatThrownBy(() -> open(new FakeNetconfServer(1, B10).helloXml(bad)))
                .hasMessageContaining("invalid session-id");
    }

    @Test
    void noCommonBaseVersionCloses() {
        assertThatThrownBy(() -> open(new FakeNetconfServer(1, B11), settings().withBase11(false)))
                .hasMessageContaining("shares no NETCONF base version");
        assertThatThrownBy(() -> open(new FakeNetconfServer(1, "urn:example:base:2.0")))
                .hasMessageContaining("shares no NETCONF base version");
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void somethingOtherThanHelloFirstIsRefused() {
        String reply = "<rpc-reply xmlns=\"" + FakeNetconfServer.BASE + "\" message-id=\"1\"><ok/></rpc-reply>";
        assertThatThrownBy(() -> open(new FakeNetconfServer(1, B10).helloXml(reply)))
                .hasMessageContaining("instead of <hello>");
    }
}
