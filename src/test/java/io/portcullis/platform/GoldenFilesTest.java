package io.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.testing.DefaultPolicyIntents;
import io.portcullis.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for every platform ({@link Platforms#ids()}: junos, iosxr, sros, vrp, openconfig, ietf): {@code src/test/resources/golden/<platform>/<case>-<kind>.<ext>} for the
 * default policy ("default") and the default policy with an SMTP exemption ("exemption"); kinds are
 * the config payload, the text view, the removal payload and the get-config subtree filter. Refresh
 * deliberately with {@code mvn -o test -Dtest=GoldenFilesTest -Dportcullis.golden.update=true}.
 * Each golden payload must also read back into the IR it was rendered from (as the platform normalizes it).
 * A platform whose adapter is still a placeholder is skipped with a message.
 */
class GoldenFilesTest {
    /** Every registered platform: a new one gets golden files (write them once with the update property). */
    static final List<String> COVERED = Platforms.ids();

    @TestFactory
    Stream<DynamicTest> everyPlatformMatchesItsGoldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String p : COVERED) {
            PlatformAdapter adapter = Platforms.get(p);
            for (String kase : List.of("default", "exemption")) {
                FilterIntent ir = kase.equals("default")
                        ? DefaultPolicyIntents.forPlatform(p, adapter.facts().implicitDefault())
                        : DefaultPolicyIntents.withExemption(p, adapter.facts().implicitDefault());
                tests.add(golden(adapter, kase + "-config.xml", () -> adapter.renderConfig(ir)));
                tests.add(golden(adapter, kase + "-text.txt", () -> adapter.renderText(ir)));
                tests.add(golden(adapter, kase + "-removal.xml", () -> adapter.renderRemoval(ir)));
                tests.add(golden(adapter, kase + "-filter.xml", () -> adapter.managedSubtreeFilter(ir)));
                tests.add(DynamicTest.dynamicTest(p + " " + kase + " reads back", () -> {
                    String xml = implemented(p, () -> adapter.renderConfig(ir));
                    ReadResult r = adapter.read(ir.device(), xml);
                    assertThat(r.intent()).isEqualTo(adapter.normalize(ir));
                    assertThat(r.foreignBindings()).isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    private static DynamicTest golden(
            PlatformAdapter adapter, String file, java.util.function.Supplier<String> render) {
        return DynamicTest.dynamicTest(
                adapter.id() + " " + file,
                () -> Golden.assertMatches(adapter.id(), file, implemented(adapter.id(), render)));
    }

    private static String implemented(String platform, java.util.function.Supplier<String> render) {
        try {
            return render.get();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("SKIPPED: the " + platform + " adapter is still a placeholder (" + e.getMessage() + ")");
            return null;
        }
    }
}
