package io.portcullis.platform.iosxr;

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

/** render → read back → identical IR, on 1,000 seeded random intents plus device-only shapes XR can hold. */
class IosXrRoundTripTest {
    private final IosXrAdapter adapter = new IosXrAdapter();

    @Test
    @Tag("slow")
    void thousandRandomIntentsRoundTripExactly() {
        RandomIntents gen = new RandomIntents(
                20261128L,
                RandomIntents.forFacts(
                        adapter.facts(),
                        List.of("Bundle-Ether1.100", "TenGigE0/0/0/1.200"),
                        List.of("IPOE-SUB", "PPPOE-SUB")),
                "iosxr");
        Random random = new Random(11);
        List<Feature> features =
                List.of(Feature.SOURCE_PORTS, Feature.SOURCE_PREFIXES, Feature.LOG, Feature.NO_DESCRIPTION);
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
    void theTextViewHasOneLinePerEntry() {
        RandomIntents gen = new RandomIntents(
                5L,
                RandomIntents.forFacts(adapter.facts(), List.of("Bundle-Ether1.100"), List.of("IPOE-SUB")),
                "iosxr");
        for (int i = 0; i < 50; i++) {
            FilterIntent ir = gen.next();
            String text = adapter.renderText(ir);
            String xml = adapter.renderConfig(ir);
            long entries = xml.split("<access-list-entry>", -1).length - 1;
            long lines = text.lines()
                    .filter(l -> l.matches(" \\d+ (remark|permit|deny) .*"))
                    .count();
            assertThat(lines).isEqualTo(entries);
            ir.filters().forEach(f -> assertThat(text).contains((f.family().id()) + " access-list " + f.name()));
            assertThat(text).contains("egress");
        }
    }
}
