package io.portcullis.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoldenTest {
    @Test
    void aMissingGoldenFileFailsWithTheRefreshCommand() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Golden.updating(), "update mode writes instead of comparing");
        assertThatThrownBy(() -> Golden.assertMatches("no-such-platform", "nothing.xml", "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dportcullis.golden.update=true");
    }

    @Test
    void differencesNameTheFirstDifferingLine() {
        assertThat(Golden.firstDifference("a\nb\nc\n", "a\nX\nc\n")).isEqualTo("at line 2: expected [b] but was [X]");
        assertThat(Golden.normalize("a\r\nb\n\n\n")).isEqualTo("a\nb\n");
    }
}
