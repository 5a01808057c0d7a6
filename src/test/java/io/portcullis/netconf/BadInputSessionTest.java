package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** D.2 #13/#14 and D.6 #45/#46 at session level: bad bytes from the server fail the session, cleanly. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BadInputSessionTest extends SessionTestSupport {
    private static final NetconfRpc GET = NetconfRpc.raw("get", "<get/>");

    @TempDir
    Path tmp;

    private static String reply(String id, String body) {
        return "<rpc-reply xmlns=\"" + FakeNetconfServer.BASE + "\" message-id=\"" + id + "\">" + body + "</rpc-reply>";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\n#0\n",
                "\n#007\nabcdefg\n##\n",
                "\n#4294967296\nx",
                "\n#12345678901\n",
                "\n##\n",
                "\r\n#3\r\n<a/",
                "\n# 3\n<a/",
                "\n#2\n<a/>\n##\n"
            })
    void malformedChunksFailTheSessionAndTheOutstandingRpc(String wire) throws Exception {
        FakeNetconfServer server =
                FakeNetconfServer.base11().script((s, id, op) -> s.sendRaw(wire.getBytes(StandardCharsets.UTF_8)));
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET))
                .isInstanceOf(NetconfException.class)
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.FRAMING))
                .hasMessageContaining("framing error from memory:830");
        assertThat(s.isOpen()).isFalse();
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void hugeDeclaredChunkIsRejectedByTheCapBeforeAnyDataArrives() throws Exception {
        FakeNetconfServer server =
                FakeNetconfServer.base11().script((s, id, op) -> s.sendRaw("\n#4294967295\n".getBytes()));
        NetconfSession s = open(server, settings().withMaxMessageBytes(8 * 1024 * 1024));
        assertThatThrownBy(() -> s.execute(GET))
                .hasMessageContaining("4294967295 bytes would exceed the 8388608-byte message cap");
    }

    @Test
    void streamedOversizedReplyStopsAtTheCap() throws Exception {
        byte[] chunk = ("\n#65536\n" + "x".repeat(65536)).getBytes(StandardCharsets.US_ASCII);
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            s.sendRaw(("\n#" + 60 + "\n" + reply(id, "<data>").substring(0, 60)).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 64; i++) { // 4 MiB offered against a 1 MiB cap
                s.sendRaw(chunk);
            }
        });
        NetconfSession s = open(server, settings().withMaxMessageBytes(1024 * 1024));
        assertThatThrownBy(() -> s.execute(GET))
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.FRAMING))
                .hasMessageContaining("cap");
    }

    @Test
    void xxeInAReplyIsRejectedWithoutReadingTheCanary() throws Exception {
        Path canary = Files.writeString(tmp.resolve("canary"), "CANARY-1234");
        FakeNetconfServer server = FakeNetconfServer.base11()
                .script((s, id, op) -> s.send("<!DOCTYPE r [<!ENTITY x SYSTEM \"" + canary.toUri() + "\">]>"
                        + reply(id, "<data><v xmlns=\"urn:x\">&x;</v></data>")));
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET))
                .satisfies(e -> assertThat(((NetconfException) e).failure()).isEqualTo(Failure.FRAMING))
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("CANARY");
    }

    @Test
    void deepNestingInAReplyIsRejected() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11()
                .script((s, id, op) -> s.send(reply(
                        id, "<data>" + "<a xmlns=\"urn:x\">".repeat(10_000) + "</a>".repeat(10_000) + "</data>")));
        NetconfSession s = open(server);
        assertThatThrownBy(() -> s.execute(GET)).hasMessageContaining("maxElementDepth");
    }

    @Test
    void utf8SplitAcrossOneByteChunksRoundTrips() throws Exception {
        String remark = "Blockiere SMTP für Teilnehmer – «gesperrt» 🚫";
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            byte[] body = reply(id, "<data><d xmlns=\"urn:x\">" + remark + "</d></data>")
                    .getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            io.portcullis.netconf.framing.FrameEncoder.write(
                    out, body, io.portcullis.netconf.framing.Framing.CHUNKED, 1);
            byte[] wire = out.toByteArray();
            for (int i = 0; i < wire.length; i += 3) { // and odd-sized reads
                s.sendRaw(java.util.Arrays.copyOfRange(wire, i, Math.min(wire.length, i + 3)));
            }
        });
        try (NetconfSession s = open(server)) {
            assertThat(s.execute(GET, Duration.ofSeconds(10)).data().getTextContent())
                    .isEqualTo(remark);
        }
    }
}
