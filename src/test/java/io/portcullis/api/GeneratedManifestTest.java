package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.portcullis.testing.PortcullisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The checked-in Kubernetes manifest is what quarkus-kubernetes generates (issue 12 item 7), not a hand-edited copy that
 * drifts from the build: {@code deploy/kubernetes/portcullis.yaml}, below its comment header, must equal the
 * {@code target/kubernetes/kubernetes.yml} that {@code mvn package} wrote. Tagged {@code processes} because that file
 * exists only after {@code package}: in {@code mvn -B verify} this runs in the integration-test phase, after it.
 */
@Tag("processes")
class GeneratedManifestTest {
    private static final Path GENERATED = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path CHECKED_IN = Path.of("deploy", "kubernetes", "portcullis.yaml");

    /** Each document by kind and name; Jackson's object nodes compare without regard to key order. */
    private static Map<String, JsonNode> objects(String yaml) throws Exception {
        Map<String, JsonNode> byName = new TreeMap<>();
        try (MappingIterator<JsonNode> docs =
                new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            for (JsonNode d : docs.readAll()) {
                if (d != null && !d.isEmpty()) {
                    byName.put(
                            d.path("kind").asText() + "/"
                                    + d.at("/metadata/name").asText(),
                            d);
                }
            }
        }
        return byName;
    }

    @Test
    void checkedInManifestIsTheBuildsOutput() throws Exception {
        assumeTrue(PortcullisProcess.packaged(), "runs after `package` (mvn -B verify)");
        assertThat(GENERATED)
                .as("mvn package should have generated it (quarkus-kubernetes)")
                .isRegularFile();
        List<String> checkedIn = Files.readAllLines(CHECKED_IN);
        int body = 0;
        while (body < checkedIn.size() && checkedIn.get(body).startsWith("#")) {
            body++;
        }
        assertThat(body).as("the checked-in file keeps its comment header").isPositive();
        // compared as YAML objects, not text: the generator writes labels in no fixed order from one build to the next
        assertThat(objects(String.join("\n", checkedIn.subList(body, checkedIn.size()))))
                .as(CHECKED_IN + " differs from what the build generates; run scripts/kubernetes-manifest.sh")
                .isEqualTo(objects(Files.readString(GENERATED)));
    }
}
