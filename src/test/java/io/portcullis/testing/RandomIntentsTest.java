package io.portcullis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.Action;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's contract that round-trip and property tests rely on. */
class RandomIntentsTest {
    private static final String SAFE = "[A-Za-z0-9-]{1,32}";

    @Test
    void sameSeedSameIntents() {
        var a = new RandomIntents(42, RandomIntents.allFeatures());
        var b = new RandomIntents(42, RandomIntents.allFeatures());
        for (int i = 0; i < 50; i++) {
            assertThat(a.nextSample()).isEqualTo(b.nextSample());
        }
    }

    @Test
    void namesAreSafeAndShapeIsCompilerLike() {
        var gen = new RandomIntents(7, RandomIntents.allFeatures());
        for (int i = 0; i < 500; i++) {
            FilterIntent intent = gen.next();
            assertThat(intent.filters()).isNotEmpty();
            for (Filter f : intent.filters()) {
                assertThat(f.name())
                        .matches(SAFE)
                        .startsWith("PORTCULLIS-")
                        .endsWith(f.family().name().equals("IPV4") ? "-V4" : "-V6");
                assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
                assertThat(f.terms().get(f.terms().size() - 1).isFinalAcceptAll())
                        .isTrue();
                assertThat(f.terms().size()).isLessThanOrEqualTo(8);
                int previous = -1;
                for (Term t : f.terms()) {
                    assertThat(t.name()).matches(SAFE);
                    if (t.counter() != null) {
                        assertThat(t.counter()).matches(SAFE);
                    }
                    assertThat(t.sequence()).isGreaterThan(previous);
                    previous = t.sequence();
                    assertThat(t.match().eitherPorts()).isEmpty();
                }
            }
            assertThat(intent.bindings()).extracting(Binding::filterName).allMatch(n -> intent.filter(n)
                    .isPresent());
        }
    }

    @Test
    void respectsDisallowedFeatures() {
        var opts = new RandomIntents.Options(
                false, false, false, true, List.of("xe-0/0/1.5"), List.of("P"), Action.ACCEPT, 5, 1);
        var gen = new RandomIntents(3, opts);
        for (int i = 0; i < 300; i++) {
            FilterIntent intent = gen.next();
            assertThat(intent.bindings()).allMatch(b -> b.point().equals("xe-0/0/1.5"));
            for (Filter f : intent.filters()) {
                assertThat(f.defaultAction()).isEqualTo(Action.ACCEPT);
                assertThat(f.terms().size()).isLessThanOrEqualTo(5);
                for (Term t : f.terms()) {
                    assertThat(t.match().destinationPrefixes()).isEmpty();
                    assertThat(t.match().destinationPorts())
                            .hasSizeLessThanOrEqualTo(1)
                            .allMatch(r -> r.isSingle());
                }
            }
        }
    }
}
