package io.portcullis.platform.sros;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.testing.DefaultPolicyIntents;
import io.portcullis.testing.Yanglint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SR OS YANG cases beyond {@link io.portcullis.platform.AdapterContract} (which validates default, random and varied
 * payloads in {@link SrosAdapterTest}): the removal edit, and a dangling sla-profile leafref fails.
 */
@Tag("slow")
class SrosYangTest {
    private final SrosAdapter adapter = new SrosAdapter();

    /** SR OS always has filter log 101; config-mode validation needs it in the data for the leafref. */
    static String withSystemLog(String payload) {
        return payload.contains("<log>101</log>")
                ? payload.replaceFirst("<filter>", "<filter>\n      <log><log-id>101</log-id></log>")
                : payload;
    }

    @Test
    void removalIsAValidEditAndABrokenPayloadFails() {
        FilterIntent ir = DefaultPolicyIntents.withExemption("sros", Action.DISCARD);
        Yanglint.Result removal =
                Yanglint.validate(Yanglint.Model.NOKIA_SROS, Yanglint.Kind.EDIT, adapter.renderRemoval(ir));
        assertThat(removal.passed()).as(removal.message()).isTrue();
        String broken = adapter.renderConfig(ir).replace("<eq>161</eq>", "<eq>99999</eq>");
        assertThat(Yanglint.validate(Yanglint.Model.NOKIA_SROS, broken).passed())
                .isFalse();
        String dangling = adapter.renderConfig(ir)
                .replace("<ip-filter>PORTCULLIS-SUBPROTECT-V4</ip-filter>", "<ip-filter>NOT-THERE</ip-filter>");
        assertThat(Yanglint.validate(Yanglint.Model.NOKIA_SROS, dangling).passed())
                .as("sla-profile leafref to a missing filter")
                .isFalse();
    }
}
