package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunReport;
import io.portcullis.json.JsonMappers;
import io.portcullis.store.HistoryDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8: the REST mapper (a Quarkus-made ObjectMapper after {@link JsonCustomizer}) writes the CLI's documents
 * byte for byte as the CLI's compact mapper does, and reads what newer writers add.
 */
class JsonCustomizerTest {
    private static final Instant START = Instant.parse("2026-12-05T20:15:30.250Z");

    private static ObjectMapper rest() {
        ObjectMapper m = new ObjectMapper(); // what Quarkus hands the customizers before quarkus.jackson.* applies
        new JsonCustomizer().customize(m);
        return m;
    }

    private static RunReport report() {
        List<RouterOutcome> routers = List.of(new RouterOutcome(
                "r1", "junos", OutcomeState.APPLIED, null, "applied", List.of("term added"), List.of(), 250));
        return new RunReport(
                "run-1", "1.0", "sha256:x", null, START, START.plusSeconds(3), null, RunReport.count(routers), routers);
    }

    @Test
    void restAndCliWriteTheSameDocuments() throws Exception {
        for (Object document : List.of(report(), HistoryDocument.of(List.of(), "1.0", START), Map.of("at", START))) {
            String rest = rest().writeValueAsString(document);
            assertThat(rest).isEqualTo(JsonMappers.MESSAGES.writeValueAsString(document));
            assertThat(JsonMappers.DOCUMENTS.readTree(rest))
                    .isEqualTo(JsonMappers.DOCUMENTS.readTree(JsonMappers.DOCUMENTS.writeValueAsString(document)));
        }
        assertThat(rest().writeValueAsString(report())).contains("\"startedAt\":\"2026-12-05T20:15:30.250Z\"");
    }

    @Test
    void anUncustomizedMapperWouldNotWriteTheDocuments() {
        // the check above can fail: Jackson alone cannot write java.time at all
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ObjectMapper().writeValueAsString(report()))
                .hasMessageContaining("java.time.Instant");
    }

    record Request(String router) {}

    @Test
    void unknownFieldsFromNewerClientsAreIgnored() throws Exception {
        assertThat(rest().readValue("{\"router\":\"r1\",\"addedLater\":true}", Request.class))
                .isEqualTo(new Request("r1"));
    }
}
