package io.portcullis.netconf.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6242 framing, checklist D.2 #13 and #14. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FrameDecoderTest {
    private final List<byte[]> messages = new ArrayList<>();

    private FrameDecoder chunked(int cap) {
        FrameDecoder d = new FrameDecoder(cap, messages::add);
        d.setFraming(Framing.CHUNKED);
        return d;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> texts() {
        return messages.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
    }

    static Stream<Arguments> malformedChunked() {
        return Stream.of(
                Arguments.of("size zero", "\n#0\n\n##\n", "leading zero"),
                Arguments.of("leading zero", "\n#007\nabcdefg\n##\n", "leading zero"),
                Arguments.of("above 2^32-1", "\n#4294967296\nx\n##\n", "above 4294967295"),
                Arguments.of("11 digits", "\n#12345678901\nx\n##\n", "more than 10 digits"),
                Arguments.of("end-of-chunks without chunk", "\n##\n", "before any chunk"),
                Arguments.of("CRLF header", "\r\n#3\r\nabc\r\n##\r\n", "must start with LF"),
                Arguments.of("CR after size", "\n#3\r\nabc\n##\n", "invalid character"),
                Arguments.of("space in header", "\n# 3\nabc\n##\n", "expected a chunk size"),
                Arguments.of("space after size", "\n#3 \nabc\n##\n", "invalid character"),
                Arguments.of("declared size below real", "\n#2\nabc\n##\n", "longer than its declared size"),
                Arguments.of("stray LF before header", "\n\n#3\nabc\n##\n", "expected '#'"),
                Arguments.of("non-digit size", "\n#a\nabc\n##\n", "expected a chunk size"),
                Arguments.of("missing LF after ##", "\n#3\nabc\n##x", "expected LF after end-of-chunks"),
                Arguments.of("no LF before first chunk", "#3\nabc\n##\n", "must start with LF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedChunked")
    void malformedChunkedFailsAndNeverYieldsAPartialMessage(String name, String wire, String reason) {
        FrameDecoder d = chunked(1 << 20);
        assertThatThrownBy(() -> d.feed(ascii(wire)))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining(reason);
        assertThat(messages).isEmpty();
        assertThat(d.failed()).isTrue();
        // the session is dead: later input is refused too, even a valid message
        assertThatThrownBy(() -> d.feed(ascii("\n#1\nx\n##\n"))).isInstanceOf(FramingException.class);
        assertThat(messages).isEmpty();
    }

    @ParameterizedTest(name = "{0} (byte by byte)")
    @MethodSource("malformedChunked")
    void malformedChunkedFailsWhenFedOneByteAtATime(String name, String wire, String reason) {
        FrameDecoder d = chunked(1 << 20);
        byte[] bytes = ascii(wire);
        assertThatThrownBy(() -> {
                    for (byte b : bytes) {
                        d.feed(new byte[] {b});
                    }
                })
                .isInstanceOf(FramingException.class)
                .hasMessageContaining(reason);
        assertThat(messages).isEmpty();
    }

    @Test
    void declaredSizeAboveRealSizeIsATruncatedStream() throws Exception {
        FrameDecoder d = chunked(1 << 20);
        d.feed(ascii("\n#10\nabc\n##\n"));
        assertThat(messages).isEmpty();
        assertThatThrownBy(d::endOfStream).isInstanceOf(FramingException.class).hasMessageContaining("stream ended");
    }

    @Test
    void truncatedStreamsFailAtEveryCutPoint() throws Exception {
        byte[] wire = ascii("\n#3\nabc\n#2\nde\n##\n");
        for (int cut = 1; cut < wire.length; cut++) {
            messages.clear();
            FrameDecoder d = chunked(1 << 20);
            d.feed(wire, 0, cut);
            assertThatThrownBy(d::endOfStream).as("cut at %d", cut).isInstanceOf(FramingException.class);
            assertThat(messages).isEmpty();
        }
    }

    @Test
    void maximumLegalChunkSizeIsParsedButRejectedByTheCapBeforeAllocating() {
        FrameDecoder d = chunked(256 * 1024 * 1024);
        // only the header is fed: the refusal must come before any data arrives or any buffer is sized to it
        assertThatThrownBy(() -> d.feed(ascii("\n#4294967295\n")))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining("4294967295 bytes would exceed");
        FrameDecoder d2 = chunked(256 * 1024 * 1024);
        // above 2^31-1 would overflow an int: must be a cap error, not a negative size
        assertThatThrownBy(() -> d2.feed(ascii("\n#2147483648\n")))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining("2147483648 bytes would exceed");
    }

    @Test
    void capCountsTheWholeMessageAcrossChunks() {
        FrameDecoder d = chunked(10);
        assertThatThrownBy(() -> d.feed(ascii("\n#6\nabcdef\n#6\nghijkl\n##\n")))
                .isInstanceOf(FramingException.class)
                .hasMessageContaining("cap");
        assertThat(messages).isEmpty();
    }

    @Test
    void endOfMessageCapHolds() {
        FrameDecoder d = new FrameDecoder(8, messages::add);
        assertThatThrownBy(() -> d.feed(ascii("0123456789abcdef]]>]]>"))).isInstanceOf(FramingException.class);
        assertThat(messages).isEmpty();
    }

    @Test
    void validChunkedMessagesAcrossChunksAndFeeds() throws Exception {
        FrameDecoder d = chunked(1 << 20);
        byte[] wire = ascii("\n#4\n<rpc\n#17\n message-id=\"1\"/>\n##\n\n#3\n<a/\n#1\n>\n##\n");
        for (int split = 0; split <= wire.length; split++) {
            messages.clear();
            FrameDecoder fresh = chunked(1 << 20);
            fresh.feed(wire, 0, split);
            fresh.feed(wire, split, wire.length - split);
            fresh.endOfStream();
            assertThat(texts()).as("split at %d", split).containsExactly("<rpc message-id=\"1\"/>", "<a/>");
        }
        assertThat(d.failed()).isFalse();
    }

    @Test
    void legalTenDigitSizeWithinCapIsAccepted() throws Exception {
        FrameDecoder d = chunked(1 << 20);
        d.feed(ascii("\n#0000000003\nabc\n##\n".replace("#0000000003", "#3")));
        assertThat(texts()).containsExactly("abc");
    }

    @Test
    void utf8SplitAcrossChunkAndBufferBoundariesDecodesIntact() throws Exception {
        String remark = "Zugriff für Teilnehmer – блокировать SMTP 🚫 ü";
        byte[] payload = ("<description>" + remark + "</description>").getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= 7; chunk++) {
            byte[] wire;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            FrameEncoder.write(out, payload, Framing.CHUNKED, chunk);
            wire = out.toByteArray();
            for (int read = 1; read <= 5; read++) {
                messages.clear();
                FrameDecoder d = chunked(1 << 20);
                for (int off = 0; off < wire.length; off += read) {
                    d.feed(wire, off, Math.min(read, wire.length - off));
                }
                assertThat(texts()).containsExactly("<description>" + remark + "</description>");
            }
        }
    }

    @Test
    void encoderCountsBytesNotCharacters() {
        byte[] wire = FrameEncoder.encode("ü€🚫", Framing.CHUNKED);
        // 2 + 3 + 4 UTF-8 bytes for 3 characters (4 UTF-16 units)
        assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo("\n#9\nü€🚫\n##\n");
    }

    @Test
    void encoderRefusesEmptyMessagesAndEomMarkerInsideEomFramedMessage() {
        assertThatThrownBy(() -> FrameEncoder.encode(new byte[0], Framing.CHUNKED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoder.encode("<x a=\"]]>]]>\"/>", Framing.END_OF_MESSAGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endOfMessageSplitsOnMarkerAcrossFeedBoundaries() throws Exception {
        byte[] wire = ascii("<hello/>]]>]]><rpc-reply>]]]></rpc-reply>]]>]]>");
        for (int split = 0; split <= wire.length; split++) {
            messages.clear();
            FrameDecoder d = new FrameDecoder(1 << 20, messages::add);
            d.feed(wire, 0, split);
            d.feed(wire, split, wire.length - split);
            d.endOfStream();
            assertThat(texts()).as("split %d", split).containsExactly("<hello/>", "<rpc-reply>]]]></rpc-reply>");
        }
    }

    @Test
    void partialMarkerOverlapIsHandled() throws Exception {
        FrameDecoder d = new FrameDecoder(1 << 20, messages::add);
        d.feed(ascii("a]]]>]]>b]]>]]]>]]>"));
        assertThat(texts()).containsExactly("a]", "b]]>]");
    }

    @Test
    void framingSwitchesRightAfterTheHelloWithinOneRead() throws Exception {
        FrameDecoder[] holder = new FrameDecoder[1];
        holder[0] = new FrameDecoder(1 << 20, m -> {
            messages.add(m);
            if (messages.size() == 1) {
                holder[0].setFraming(Framing.CHUNKED);
            }
        });
        holder[0].feed(ascii("<hello/>]]>]]>\n#5\n<ok/>\n##\n"));
        assertThat(texts()).containsExactly("<hello/>", "<ok/>");
    }

    @Test
    void eomMarkerInsideAnAttributeCutsTheMessage() throws Exception {
        // D.2 #15: framing cannot know; the session layer must fail on the resulting parse error
        FrameDecoder d = new FrameDecoder(1 << 20, messages::add);
        d.feed(ascii("<rpc-reply message-id=\"1\"><x a=\"]]>]]>\"/></rpc-reply>]]>]]>"));
        assertThat(texts().get(0)).isEqualTo("<rpc-reply message-id=\"1\"><x a=\"");
    }

    @Test
    void truncatedEndOfMessageStreamFailsButTrailingWhitespaceIsFine() throws Exception {
        FrameDecoder d = new FrameDecoder(1 << 20, messages::add);
        d.feed(ascii("<a/>]]>]]>\n"));
        d.endOfStream();
        FrameDecoder d2 = new FrameDecoder(1 << 20, messages::add);
        d2.feed(ascii("<a/>]]>]]><b>"));
        assertThatThrownBy(d2::endOfStream).isInstanceOf(FramingException.class);
    }

    @Test
    void cannotSwitchFramingMidMessage() throws Exception {
        FrameDecoder d = chunked(100);
        d.feed(ascii("\n#3\nab"));
        assertThatThrownBy(() -> d.setFraming(Framing.END_OF_MESSAGE)).isInstanceOf(IllegalStateException.class);
    }
}
