package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * D.6 #46 with a small heap: a 1 GiB reply to a client in a 256 MB JVM with the default settings must fail the
 * session on the message cap, not with an OutOfMemoryError.
 */
class SmallHeapTest {
    @Test
    @Tag("slow") // forks a JVM and streams 1 GiB through it
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneGibReplyInA256MbHeapFailsOnTheCapWithoutRunningOutOfMemory() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                SmallHeapProbe.class.getName(),
                String.valueOf(1L << 30));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(out)
                .as(out)
                .contains("FAILED-CLEANLY FRAMING")
                .contains("message cap")
                .doesNotContain("OutOfMemoryError");
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void defaultCapIsAnEighthOfTheHeapBetween16And256MiB() {
        assertThat(ClientSettings.defaultMessageCap(256L << 20)).isEqualTo(32 << 20);
        assertThat(ClientSettings.defaultMessageCap(64L << 20)).isEqualTo(16 << 20);
        assertThat(ClientSettings.defaultMessageCap(8L << 30)).isEqualTo(256 << 20);
        assertThat(ClientSettings.defaultMessageCap(Long.MAX_VALUE)).isEqualTo(256 << 20);
    }
}
