package io.portcullis.platform.sros;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.IrVariants;
import io.portcullis.platform.IrVariants.Feature;
import io.portcullis.platform.ReadResult;
import io.portcullis.testing.RandomIntents;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** render → read back → normalize(IR), on 1,000 seeded random intents plus device-only shapes SR OS can hold. */
class SrosRoundTripTest {
    private final SrosAdapter adapter = new SrosAdapter();

    @Test
    @Tag("slow")
    void thousandRandomIntentsRoundTripExactly() {
        RandomIntents gen = new RandomIntents(
                20261128L,
                RandomIntents.forFacts(adapter.facts(), List.of(), List.of("RESIDENTIAL", "BUSINESS")),
                "sros");
        Random random = new Random(13);
        List<Feature> features = List.of(
                Feature.EITHER_PORTS,
                Feature.SOURCE_PORTS,
                Feature.SOURCE_PREFIXES,
                Feature.LOG,
                Feature.NO_DESCRIPTION);
        for (int i = 0; i < 1000; i++) {
            FilterIntent ir = IrVariants.vary(gen.next(), random, features);
            String xml = adapter.renderConfig(ir);
            ReadResult back = adapter.read(ir.device(), xml);
            assertThat(back.intent()).as("sample %d:\n%s", i, xml).isEqualTo(adapter.normalize(ir));
            assertThat(back.foreignBindings()).isEmpty();
            assertThat(back.warnings()).isEmpty();
            assertThat(adapter.normalize(adapter.normalize(ir))).isEqualTo(adapter.normalize(ir));
            assertSameFates(ir, adapter.normalize(ir));
        }
    }

    /** normalize may reorder list values and shorten descriptions, nothing that decides a packet's fate. */
    private static void assertSameFates(FilterIntent ir, FilterIntent n) {
        assertThat(n.bindings()).isEqualTo(ir.bindings());
        assertThat(n.filters()).hasSameSizeAs(ir.filters());
        for (int f = 0; f < ir.filters().size(); f++) {
            var a = ir.filters().get(f);
            var b = n.filters().get(f);
            assertThat(b.terms()).hasSameSizeAs(a.terms());
            assertThat(b.defaultAction()).isEqualTo(a.defaultAction());
            for (int t = 0; t < a.terms().size(); t++) {
                var x = a.terms().get(t);
                var y = b.terms().get(t);
                assertThat(List.of(
                                y.name(),
                                y.sequence(),
                                y.action(),
                                String.valueOf(y.counter()),
                                y.log(),
                                y.match().protocol()))
                        .isEqualTo(List.of(
                                x.name(),
                                x.sequence(),
                                x.action(),
                                String.valueOf(x.counter()),
                                x.log(),
                                x.match().protocol()));
                assertThat(y.match().destinationPorts())
                        .containsExactlyInAnyOrderElementsOf(x.match().destinationPorts());
                assertThat(y.match().sourcePorts())
                        .containsExactlyInAnyOrderElementsOf(x.match().sourcePorts());
                assertThat(y.match().eitherPorts())
                        .containsExactlyInAnyOrderElementsOf(x.match().eitherPorts());
                assertThat(y.match().destinationPrefixes())
                        .containsExactlyInAnyOrderElementsOf(x.match().destinationPrefixes());
                assertThat(y.match().sourcePrefixes())
                        .containsExactlyInAnyOrderElementsOf(x.match().sourcePrefixes());
            }
        }
    }
}
