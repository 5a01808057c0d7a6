package io.portcullis.platform.sros;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.IrVariants;
import io.portcullis.platform.IrVariants.Feature;
import io.portcullis.testing.DefaultPolicyIntents;
import io.portcullis.testing.RandomIntents;
import io.portcullis.testing.Yanglint;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rendered SR OS payloads validate against the published nokia-conf 19.7 YANG (skips without yanglint or ../shared). */
class SrosYangTest {
    private final SrosAdapter adapter = new SrosAdapter();

    /** SR OS always has filter log 101; config-mode validation needs it in the data for the leafref. */
    static String withSystemLog(String payload) {
        return payload.contains("<log>101</log>")
                ? payload.replaceFirst("<filter>", "<filter>\n      <log><log-id>101</log-id></log>") : payload;
    }

    @Test
    void defaultPolicyPayloadsAreValid() {
        for (FilterIntent ir : List.of(DefaultPolicyIntents.forPlatform("sros", Action.DISCARD),
                DefaultPolicyIntents.withExemption("sros", Action.DISCARD))) {
            Yanglint.assertValid(Yanglint.Model.NOKIA_SROS, adapter.renderConfig(ir));
        }
    }

    @Test
    void randomPayloadsWithListsRangesLogsAndEitherPortsAreValid() {
        RandomIntents gen = new RandomIntents(3L, RandomIntents.forFacts(adapter.facts(), List.of(), List.of("RESIDENTIAL", "BUSINESS")), "sros");
        Random random = new Random(3);
        List<Feature> features = List.of(Feature.EITHER_PORTS, Feature.SOURCE_PORTS, Feature.SOURCE_PREFIXES, Feature.LOG);
        for (int i = 0; i < 12; i++) {
            FilterIntent ir = IrVariants.vary(gen.next(), random, features);
            Yanglint.assertValid(Yanglint.Model.NOKIA_SROS, withSystemLog(adapter.renderConfig(ir)));
        }
    }

    @Test
    void removalIsAValidEditAndABrokenPayloadFails() {
        FilterIntent ir = DefaultPolicyIntents.withExemption("sros", Action.DISCARD);
        Yanglint.Result removal = Yanglint.validate(Yanglint.Model.NOKIA_SROS, Yanglint.Kind.EDIT, adapter.renderRemoval(ir));
        assertThat(removal.passed()).as(removal.message()).isTrue();
        String broken = adapter.renderConfig(ir).replace("<eq>161</eq>", "<eq>99999</eq>");
        assertThat(Yanglint.validate(Yanglint.Model.NOKIA_SROS, broken).passed()).isFalse();
        String dangling = adapter.renderConfig(ir).replace("<ip-filter>PORTCULLIS-SUBPROTECT-V4</ip-filter>", "<ip-filter>NOT-THERE</ip-filter>");
        assertThat(Yanglint.validate(Yanglint.Model.NOKIA_SROS, dangling).passed()).as("sla-profile leafref to a missing filter").isFalse();
    }
}
