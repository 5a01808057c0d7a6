package io.portcullis.platform.junos;

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

/** render → read back → identical IR, on 1,000 seeded random intents plus device-only shapes. */
class JunosRoundTripTest {
    private final JunosAdapter adapter = new JunosAdapter();

    @Test
    @Tag("slow")
    void thousandRandomIntentsRoundTripExactly() {
        RandomIntents gen = new RandomIntents(
                20261128L,
                RandomIntents.forFacts(
                        adapter.facts(),
                        List.of("ge-1/0/0.100", "xe-2/1/3.4001", "ae0.7"),
                        List.of("PPPOE-SUB", "DHCP-SUB")),
                "junos");
        Random random = new Random(7);
        List<Feature> features = List.of(Feature.values());
        for (int i = 0; i < 1000; i++) {
            FilterIntent ir = IrVariants.vary(gen.next(), random, features);
            String xml = adapter.renderConfig(ir);
            ReadResult back = adapter.read(ir.device(), xml);
            assertThat(back.intent()).as("sample %d:\n%s", i, xml).isEqualTo(ir);
            assertThat(back.foreignBindings()).isEmpty();
            assertThat(back.warnings()).isEmpty();
        }
    }

    @Test
    void theTextViewMentionsEveryFilterTermAndBinding() {
        RandomIntents gen = new RandomIntents(
                5L, RandomIntents.forFacts(adapter.facts(), List.of("ge-1/0/0.100"), List.of("PPPOE-SUB")), "junos");
        for (int i = 0; i < 50; i++) {
            FilterIntent ir = gen.next();
            String text = adapter.renderText(ir);
            ir.filters().forEach(f -> {
                assertThat(text).contains("replace: filter " + f.name() + " {");
                f.terms().forEach(t -> assertThat(text).contains("term " + t.name() + " {"));
            });
            assertThat(text).doesNotContain("{#").doesNotContain("&lt;");
            if (!ir.bindings().isEmpty()) {
                assertThat(text).contains("unit \"100\"").contains("dynamic-profiles");
            }
        }
    }
}
