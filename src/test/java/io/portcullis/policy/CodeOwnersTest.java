package io.portcullis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the published promise is a "reviewed invariant file". {@code verify} proves the policy against the promise
 * of the same commit, so the review is what stops a commit that weakens both; CODEOWNERS is what makes that review
 * required. This holds the file to the rule both GitHub and GitLab apply, that the last matching line wins: the
 * promise's own line must come after every broader line that also matches it, or its owners would silently not be asked.
 */
class CodeOwnersTest {
    private static final String PROMISE = "policy/promise.yaml";

    @Test
    void thePromiseHasItsOwnOwnersAndNoBroaderLineOverridesThem() throws Exception {
        assertThat(Path.of(PROMISE)).as("the published promise file").isRegularFile();
        List<String[]> rules = Files.readAllLines(Path.of("CODEOWNERS")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .toList();
        int last = -1;
        for (int i = 0; i < rules.size(); i++) {
            if (matches(rules.get(i)[0], PROMISE)) {
                last = i;
            }
        }
        assertThat(last).as("a CODEOWNERS line matches " + PROMISE).isNotNegative();
        String[] winning = rules.get(last);
        assertThat(winning[0])
                .as("the last line matching the promise must name the promise file itself, not a directory")
                .isEqualTo("/" + PROMISE);
        assertThat(winning.length).as("the promise line names its owners").isGreaterThan(1);
        String[] policyDir =
                rules.stream().filter(r -> r[0].equals("/policy/")).findFirst().orElseThrow();
        // the promise's owners include someone beyond the policy's own reviewers
        assertThat(List.of(winning).subList(1, winning.length))
                .as("the promise needs owners beyond the policy directory's")
                .isNotEqualTo(List.of(policyDir).subList(1, policyDir.length));
    }

    @Test
    void matchingFollowsTheCodeOwnersRules() {
        assertThat(matches("/policy/", PROMISE)).isTrue();
        assertThat(matches("/policy/promise.yaml", PROMISE)).isTrue();
        assertThat(matches("*.yaml", PROMISE)).isTrue();
        assertThat(matches("/inventory/", PROMISE)).isFalse();
        assertThat(matches("/policy/other.yaml", PROMISE)).isFalse();
    }

    /** The subset of gitignore-style patterns CODEOWNERS uses: anchored with "/", directories with a trailing "/", "*". */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.startsWith("/");
        String p = anchored ? pattern.substring(1) : pattern;
        String regex = Pattern.quote(p).replace("*", "\\E[^/]*\\Q");
        if (p.endsWith("/")) {
            regex += ".*";
        }
        return Pattern.compile(anchored ? regex : "(?:.*/)?" + regex)
                .matcher(path)
                .matches();
    }
}
