package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class CapabilitiesTest {
    @Test
    void shortNamesVersionsAndModules() {
        Capabilities c = Capabilities.of(List.of(
                "urn:ietf:params:netconf:base:1.1",
                "urn:ietf:params:netconf:capability:candidate:1.0",
                "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
                "urn:ietf:params:netconf:capability:validate:1.0",
                "urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit&also-supported=report-all,trim",
                "urn:ietf:params:xml:ns:yang:ietf-interfaces?module=ietf-interfaces&revision=2014-05-08&features=arbitrary-names,pre-provisioning&deviations=vendor-dev",
                "urn:x?module=with%2Dpercent"));
        assertThat(c.supportsBase11()).isTrue();
        assertThat(c.supportsBase10()).isFalse();
        assertThat(c.has(":candidate")).isTrue();
        assertThat(c.has(":confirmed-commit")).isTrue();
        assertThat(c.has(":confirmed-commit:1.1")).isTrue();
        assertThat(c.has(":confirmed-commit:1.0")).isFalse();
        assertThat(c.has(":validate:1.1")).isFalse();
        assertThat(c.has(":startup")).isFalse();
        assertThat(c.has(":cand")).isFalse();
        assertThat(c.version(":confirmed-commit")).contains("1.1");
        assertThat(c.parameter(":with-defaults", "basic-mode")).contains("explicit");
        YangModule m = c.module("ietf-interfaces").orElseThrow();
        assertThat(m.namespace()).isEqualTo("urn:ietf:params:xml:ns:yang:ietf-interfaces");
        assertThat(m.revision()).isEqualTo("2014-05-08");
        assertThat(m.features()).containsExactly("arbitrary-names", "pre-provisioning");
        assertThat(m.deviations()).containsExactly("vendor-dev");
        assertThat(c.module("with-percent")).isPresent();
        assertThat(c.has("urn:ietf:params:xml:ns:yang:ietf-interfaces")).isTrue();
    }
}
