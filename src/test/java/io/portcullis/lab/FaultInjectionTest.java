package io.portcullis.lab;

import static io.portcullis.lab.Payloads.GET_RUNNING;
import static io.portcullis.lab.Payloads.editCandidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.lab.device.HelloFault;
import io.portcullis.lab.device.Malformation;
import io.portcullis.lab.device.SimDevice;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every injected fault is observable from a client (semantics-and-tests D.1, D.2, D.3). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("lab")
class FaultInjectionTest {
    private static final Duration SHORT = Duration.ofMillis(800);
    private LabFleet fleet;
    private SimDevice d;

    @BeforeEach
    void start() throws Exception {
        fleet = LabFleet.builder()
                .devices(1)
                .platforms("openconfig")
                .password("pw")
                .start();
        d = fleet.device(0);
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
    }

    @Test
    void delayHoldsEveryReply() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().delay(Duration.ofMillis(400));
            long t0 = System.nanoTime();
            assertThat(c.rpc(GET_RUNNING)).contains("<data>");
            assertThat(System.nanoTime() - t0)
                    .isGreaterThan(Duration.ofMillis(390).toNanos());
        }
    }

    @Test
    void dropAtTheNthRpc() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().dropConnectionAtRpc(2);
            assertThat(c.rpc(GET_RUNNING)).contains("<data>");
            assertThat(c.rpc(GET_RUNNING, SHORT)).isNull();
            assertThat(c.isClosed(Duration.ofSeconds(3))).isTrue();
        }
        assertThat(d.rpcLog().operations()).containsExactly("get-config", "get-config");
    }

    @Test
    void dropAfterAConfirmedCommitLeavesNoReplyAndTheDeviceReverts() throws Exception {
        String before = d.runningXml();
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("LOST"));
            d.faults().dropConnectionAfter("commit");
            assertThat(c.rpc(Payloads.confirmedCommit(600), SHORT)).isNull();
            assertThat(c.isClosed(Duration.ofSeconds(3))).isTrue();
        }
        Wait.until(Duration.ofSeconds(3), "revert after session loss", () -> d.runningXml()
                .equals(before));
    }

    @Test
    void dropOnANamedOperationNeverProcessesIt() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("NEVER-COMMITTED"));
            d.faults().dropConnectionOn("commit");
            assertThat(c.rpc("<commit/>", SHORT)).isNull();
            assertThat(c.isClosed(Duration.ofSeconds(3))).isTrue();
        }
        assertThat(d.runningXml()).doesNotContain("NEVER-COMMITTED");
        assertThat(d.rpcLog().operations()).endsWith("commit");
    }

    @Test
    void neverReplyKeepsTheSessionOpenButSilent() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().neverReplyTo("commit");
            assertThat(c.rpc("<commit/>", SHORT)).isNull();
            assertThat(c.rpc(GET_RUNNING, SHORT)).isNull();
            assertThat(c.isClosed(Duration.ofMillis(200))).isFalse();
        }
    }

    @Test
    void halfOpenStopsReadingAndWritingWithoutClosing() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().halfOpenOn("get-config");
            assertThat(c.rpc(GET_RUNNING, SHORT)).isNull();
            assertThat(c.rpc(GET_RUNNING, SHORT)).isNull();
            assertThat(c.isClosed(Duration.ofMillis(300))).isFalse();
        }
    }

    @Test
    void aHalfOpenSessionKeepsItsLockAndEditsUntilTheRoutersKeepaliveEndsIt() throws Exception {
        d.keepalive(Duration.ofSeconds(1), 2); // the peer is declared dead 2 s after it went silent
        String running = d.runningXml();
        try (TestClient c = TestClient.connect(fleet, d)) {
            assertThat(c.rpc("<lock><target><candidate/></target></lock>")).contains("<ok/>");
            assertThat(c.rpc(editCandidate("ABANDONED"))).contains("<ok/>");
            d.faults().halfOpenOn("commit");
            assertThat(c.rpc("<commit/>", SHORT))
                    .as("the commit is never answered")
                    .isNull();
            // the client has given up; whatever it sends now (its close included) the half-open router never reads
            assertThat(d.locks())
                    .as("right after the client gave up, the silent session still holds the lock")
                    .containsKey("candidate");
            assertThat(d.candidateXml()).contains("ABANDONED");

            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!d.locks().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(d.locks())
                    .as("the keepalive ended the session: lock released")
                    .isEmpty();
            assertThat(d.candidateXml())
                    .as("and its uncommitted edits discarded (RFC 6241 8.3.5.2)")
                    .isEqualTo(running);
            assertThat(d.runningXml()).isEqualTo(running);
            assertThat(c.isClosed(Duration.ofSeconds(3)))
                    .as("the router closed the connection")
                    .isTrue();
        }
        try (TestClient c = TestClient.connect(fleet, d)) {
            assertThat(c.rpc("<lock><target><candidate/></target></lock>"))
                    .as("a new session can lock")
                    .contains("<ok/>");
        }
    }

    @Test
    void routersKeepaliveDefaultsAreThoseOfIetfSshServer() {
        assertThat(d.silentPeerLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> d.keepalive(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validateCommitAndDiscardFailures() throws Exception {
        String before = d.runningXml();
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("BAD"));
            d.faults().failValidate("/acl/acl-sets/acl-set[name='BAD']", "entry 10: port out of range");
            assertThat(c.rpc("<validate><source><candidate/></source></validate>"))
                    .contains(
                            "<error-tag>invalid-value</error-tag>",
                            "<error-path>/acl/acl-sets/acl-set[name='BAD']</error-path>",
                            "port out of range");
            d.faults().clear();
            d.faults().failCommit("commit check failed");
            assertThat(c.rpc("<commit/>")).contains("<error-tag>operation-failed</error-tag>", "commit check failed");
            assertThat(d.runningXml()).isEqualTo(before);
            d.faults().failDiscardWithRollbackFailed();
            assertThat(c.rpc("<discard-changes/>")).contains("<error-tag>rollback-failed</error-tag>");
            assertThat(d.candidateXml()).contains("BAD");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Malformation.class,
            names = {
                "CHUNK_SIZE_ZERO",
                "CHUNK_LEADING_ZERO",
                "CHUNK_SIZE_TOO_BIG",
                "CHUNK_ELEVEN_DIGITS",
                "END_OF_CHUNKS_WITHOUT_CHUNK",
                "CHUNK_HEADER_CRLF",
                "CHUNK_HEADER_SPACE",
                "CHUNK_SIZE_BELOW_DATA"
            })
    void malformedChunksFailTheClientsDecoder(Malformation m) throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().malformedReply("get-config", m);
            assertThat(c.rpc(GET_RUNNING)).startsWith("FRAMING:");
        }
    }

    @Test
    void oversizedChunkAndTruncationNeverYieldAReply() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().malformedReply("get-config", Malformation.CHUNK_SIZE_ABOVE_DATA);
            assertThat(c.rpc(GET_RUNNING, SHORT)).isNull();
        }
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().malformedReply("get-config", Malformation.TRUNCATED);
            assertThat(c.rpc(GET_RUNNING, SHORT)).isNull();
            assertThat(c.isClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void utf8SplitAcrossChunksStillDecodes() throws Exception {
        d.outOfBandEdit(
                "<interfaces xmlns=\"http://openconfig.net/yang/interfaces\"><interface><name>Ethernet1/1</name>"
                        + "<config><name>Ethernet1/1</name><description>Grüße ✓ 日本</description></config></interface></interfaces>");
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().malformedReply("get-config", Malformation.SPLIT_UTF8);
            assertThat(c.rpc(GET_RUNNING)).contains("Grüße ✓ 日本", "</rpc-reply>");
        }
    }

    @Test
    void endOfMessageMarkerInsideAnAttributeCutsABase10ReplyShort() throws Exception {
        try (TestClient c = TestClient.connectBase10(fleet, d)) {
            d.faults().malformedReply("get-config", Malformation.EOM_IN_ATTRIBUTE);
            String first = c.rpc(GET_RUNNING);
            assertThat(first).contains("note=\"").doesNotContain("</rpc-reply>");
        }
    }

    @Test
    void messageIdFaults() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().malformedReply("get-config", Malformation.WRONG_MESSAGE_ID);
            assertThat(c.rpc(GET_RUNNING)).contains("message-id=\"101999\"");
            d.faults().malformedReply("get-config", Malformation.MISSING_MESSAGE_ID);
            assertThat(c.rpc(GET_RUNNING)).doesNotContain("message-id");
            d.faults().malformedReply("get-config", Malformation.DUPLICATE_REPLY);
            assertThat(c.rpc(GET_RUNNING)).contains("message-id=\"103\"");
            assertThat(c.poll(Duration.ofSeconds(2))).contains("message-id=\"103\"");
            d.faults().malformedReply("get-config", Malformation.UNSOLICITED_REPLY);
            assertThat(c.rpc(GET_RUNNING)).contains("message-id=\"unsolicited-4711\"");
            assertThat(c.poll(Duration.ofSeconds(2))).contains("message-id=\"104\"");
        }
    }

    @Test
    void helloFaults() throws Exception {
        d.faults().hello(HelloFault.NEVER);
        try (TestClient c = TestClient.connect(fleet, d)) {
            assertThat(c.serverHello).isEmpty();
        }
        d.faults().hello(HelloFault.CHUNKED);
        try (TestClient c = TestClient.connect(fleet, d)) {
            assertThat(c.serverHello).isEmpty(); // an end-of-message reader never finds the end of a chunked hello
        }
        d.faults().hello(HelloFault.NO_SESSION_ID);
        try (TestClient c = TestClient.connect(fleet, d)) {
            assertThat(c.serverHello).contains("<capabilities>").doesNotContain("<session-id>");
        }
        d.faults().hello(HelloFault.BASE_10_ONLY);
        try (TestClient c = TestClient.connectBase10(fleet, d)) {
            assertThat(c.serverHello).doesNotContain("base:1.1");
            assertThat(c.rpc(GET_RUNNING)).contains("<data>");
        }
    }

    @Test
    void restartWithANewHostKeyIsRefusedByAPinnedClient() throws Exception {
        java.security.PublicKey old = d.hostKey().getPublic();
        TestClient.connectPinned(d.port(), old, fleet.username(), fleet.password())
                .close();
        d.restart(true);
        assertThat(d.hostKey().getPublic()).isNotEqualTo(old);
        assertThat(fleet.knownHosts()).contains("[127.0.0.1]:" + d.port() + " ssh-ed25519 ");
        assertThatThrownBy(() -> TestClient.connectPinned(d.port(), old, fleet.username(), fleet.password())
                        .close())
                .isInstanceOf(IOException.class);
        TestClient.connect(fleet, d).close();
    }

    @Test
    void stalledWindowBlocksABigWrite() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.faults().stallWindow(true);
            Thread writer = new Thread(() -> {
                try {
                    c.send(editCandidate("X".repeat(8 << 20)));
                } catch (IOException ignored) {
                    // the session is closed under it
                }
            });
            writer.setDaemon(true);
            writer.start();
            writer.join(1500);
            assertThat(writer.isAlive())
                    .as("an 8 MB write against a stalled window is still blocked")
                    .isTrue();
        }
    }
}
