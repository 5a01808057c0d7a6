package io.portcullis.policy.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.policy.yang.YangPolicyReader;
import io.portcullis.policy.yang.YangPolicyReader.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatedPolicyCacheTest {
    @TempDir
    Path dir;

    private final AtomicInteger computed = new AtomicInteger();

    private YangPolicyReader.Result read(String build, String name, String text) throws Exception {
        return ValidatedPolicyCache.read(dir, build, name, Format.YAML, text, () -> {
            computed.incrementAndGet();
            try {
                return YangPolicyReader.read(name, Format.YAML, text, io.portcullis.policy.SourceParser.yaml(text));
            } catch (io.portcullis.policy.SourceParser.SyntaxError e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void anUnchangedValidPolicyIsReadOnceAndTheCopyEqualsTheComputedResult() throws Exception {
        String text = Files.readString(Path.of("policy/subscriber-protection.yaml"));
        YangPolicyReader.Result first = read("build-1", "policy/subscriber-protection.yaml", text);
        YangPolicyReader.Result second = read("build-1", "policy/subscriber-protection.yaml", text);
        assertThat(computed).hasValue(1);
        assertThat(first.policy()).isNotNull();
        assertThat(second.policy()).isEqualTo(first.policy());
        assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
        assertThat(second.lines()).isEqualTo(first.lines());

        read("build-2", "policy/subscriber-protection.yaml", text); // a new build
        read("build-1", "./policy/subscriber-protection.yaml", text); // another name in the diagnostics
        read("build-1", "policy/subscriber-protection.yaml", text + "\n"); // another text
        assertThat(computed).hasValue(4);
    }

    @Test
    void aPolicyWithAnErrorIsNeverStoredSoItsFileLineIsComputedEveryTime() throws Exception {
        String text = Files.readString(Path.of("policy/subscriber-protection.yaml"))
                .replace("protocol: tcp", "protocol: tcpx");
        YangPolicyReader.Result first = read("b", "p.yaml", text);
        YangPolicyReader.Result second = read("b", "p.yaml", text);
        assertThat(computed).hasValue(2);
        assertThat(first.policy()).isNull();
        assertThat(second.diagnostics()).isEqualTo(first.diagnostics()).isNotEmpty();
        assertThat(second.diagnostics().get(0).line()).isPositive();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws Exception {
        String text = Files.readString(Path.of("policy/subscriber-protection.yaml"));
        YangPolicyReader.Result good = read("b", "p.yaml", text);
        Path entry;
        try (Stream<Path> s = Files.list(dir)) {
            entry = s.findFirst().orElseThrow();
        }
        Files.write(entry, new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 1, 2, 3});
        YangPolicyReader.Result again = read("b", "p.yaml", text);
        assertThat(computed).hasValue(2);
        assertThat(again.policy()).isEqualTo(good.policy());
        assertThat(read("b", "p.yaml", text).policy()).isEqualTo(good.policy());
        assertThat(computed).hasValue(2);
    }

    @Test
    void holdsSaysWhetherAReadWillFindTheEntryWithoutReadingIt() throws Exception {
        String text = Files.readString(Path.of("policy/subscriber-protection.yaml"));
        assertThat(ValidatedPolicyCache.holds(dir, "b", "p.yaml", Format.YAML, text))
                .isFalse();
        read("b", "p.yaml", text);
        assertThat(ValidatedPolicyCache.holds(dir, "b", "p.yaml", Format.YAML, text))
                .isTrue();
        assertThat(ValidatedPolicyCache.holds(dir, "b", "p.yaml", Format.YAML, text + "\n"))
                .isFalse();
        assertThat(ValidatedPolicyCache.holds(dir, "b2", "p.yaml", Format.YAML, text))
                .isFalse();
        assertThat(ValidatedPolicyCache.holds(dir, null, "p.yaml", Format.YAML, text))
                .as("cache off: no build identity")
                .isFalse();
        assertThat(ValidatedPolicyCache.holds(null, "b", "p.yaml", Format.YAML, text))
                .isFalse();
    }

    @Test
    void prepareForBuildsTheSchemaOnlyForAPolicyItWillHaveToRead() {
        assertThat(PolicyLoader.prepareFor(dir.resolve("no-such-policy"))).isFalse();
        assertThat(PolicyLoader.prepareFor(dir))
                .as("an empty directory: load() reports it, nothing to build")
                .isFalse();
        // outside a jar the cache is off, so the shipped policy is always read the long way: build the schema now
        assertThat(PolicyLoader.prepareFor(Path.of("policy"))).isTrue();
        assertThat(YangPolicyReader.schemaBuilt()).isTrue();
    }
}
