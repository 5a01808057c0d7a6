package io.portcullis.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.testing.DefaultPolicyIntents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterStampTest {
    private final List<Filter> filters =
            DefaultPolicyIntents.forPlatform("junos", Action.DISCARD).filters();

    @Test
    void theDigestOfTheDefaultPolicyIsStableAcrossPlatformsAndDescriptions() {
        // written out: a new canonical form would rewrite every router's descriptions on upgrade
        assertThat(FilterStamp.digest(filters)).isEqualTo("sha256:c81cfd30");
        assertThat(FilterStamp.digest(
                        DefaultPolicyIntents.forPlatform("sros", Action.ACCEPT).filters()))
                .isEqualTo("sha256:c81cfd30");
        List<Filter> otherDescriptions = filters.stream()
                .map(f -> new Filter(
                        f.name(), f.family(), f.terms(), f.defaultAction(), "portcullis policy sha256:ffffffff x"))
                .toList();
        assertThat(FilterStamp.digest(otherDescriptions)).isEqualTo("sha256:c81cfd30");
    }

    @Test
    void anyChangeOfWhatTheRouterEnforcesChangesTheDigest() {
        Filter v4 = filters.get(0);
        List<Term> terms = new ArrayList<>(v4.terms());
        Term snmp = terms.get(0);
        terms.set(
                0,
                new Term(
                        snmp.name(),
                        snmp.sequence(),
                        Match.destinationPorts(Protocol.UDP, List.of(PortRange.single(162))),
                        snmp.action(),
                        snmp.counter(),
                        snmp.log(),
                        snmp.description()));
        List<Filter> changed = new ArrayList<>(filters);
        changed.set(0, new Filter(v4.name(), v4.family(), terms, v4.defaultAction(), v4.description()));
        assertThat(FilterStamp.digest(changed)).isNotEqualTo(FilterStamp.digest(filters));

        terms.set(
                0,
                new Term(
                        snmp.name(),
                        snmp.sequence(),
                        snmp.match(),
                        snmp.action(),
                        snmp.counter(),
                        true,
                        snmp.description()));
        changed.set(0, new Filter(v4.name(), v4.family(), terms, v4.defaultAction(), v4.description()));
        assertThat(FilterStamp.digest(changed)).isNotEqualTo(FilterStamp.digest(filters));
        assertThat(FilterStamp.digest(filters.subList(0, 1))).isNotEqualTo(FilterStamp.digest(filters));
    }

    @Test
    void theDescriptionStartsWithTheStampAndFitsEightyCharacters() {
        assertThat(FilterStamp.description("sha256:0123abcd", "subscriber-protection"))
                .isEqualTo("portcullis policy sha256:0123abcd subscriber-protection");
        String longName = "a".repeat(64);
        String d = FilterStamp.description("sha256:0123abcd", longName);
        assertThat(d).hasSize(80).startsWith("portcullis policy sha256:0123abcd a");
        assertThat(FilterStamp.digestOf(d)).contains("sha256:0123abcd");
    }

    @Test
    void digestOfReadsOnlyARealStamp() {
        assertThat(FilterStamp.digestOf("portcullis policy sha256:0123abcd subscriber-protection"))
                .contains("sha256:0123abcd");
        assertThat(FilterStamp.digestOf("portcullis policy sha256:0123abcd")).contains("sha256:0123abcd");
        assertThat(FilterStamp.digestOf("portcullis: subscriber-protection (ipv4, to-subscriber)"))
                .isEmpty();
        assertThat(FilterStamp.digestOf("portcullis policy sha256:0123abcdef more"))
                .isEmpty();
        assertThat(FilterStamp.digestOf("set by hand portcullis policy sha256:0123abcd"))
                .isEmpty();
        assertThat(FilterStamp.digestOf(null)).isEmpty();
    }
}
