package io.portcullis.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped inventory and policy files are valid against the schemas editors complete them with
 * ({@code docs/schemas/inventory-*.schema.json}, {@code policy.schema.json}; the files name them in a
 * {@code yaml-language-server} comment), and the schemas refuse the misspellings the loader refuses.
 */
class SchemaFilesTest {

    @Test
    void shippedInventoryAndPolicyAreValidAndNameTheirSchemas() throws IOException {
        for (String part : List.of("hosts", "groups", "defaults")) {
            Path file = Path.of("inventory", part + ".yaml");
            assertThat(Schemas.problems("inventory-" + part, Schemas.yaml(file)))
                    .as(file.toString())
                    .isEmpty();
            assertThat(Files.readString(file))
                    .startsWith("# yaml-language-server: $schema=../docs/schemas/inventory-" + part + ".schema.json");
        }
        try (Stream<Path> files = Files.list(Path.of("policy"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                // promise.yaml is the published promise beside the policy; it has a schema of its own
                String schema = p.getFileName().toString().equals("promise.yaml") ? "promise" : "policy";
                assertThat(Schemas.problems(schema, Schemas.yaml(p)))
                        .as(p.toString())
                        .isEmpty();
                assertThat(Files.readString(p))
                        .startsWith("# yaml-language-server: $schema=../docs/schemas/" + schema + ".schema.json");
            }
        }
    }

    @Test
    void misspeltKeysAndBadValuesAreRefused() throws IOException {
        ObjectNode hosts = (ObjectNode) Schemas.yaml(Path.of("inventory", "hosts.yaml"));
        ObjectNode first = (ObjectNode) hosts.elements().next();
        first.put("host-key-cheking", "off");
        assertThat(Schemas.problems("inventory-hosts", hosts))
                .anySatisfy(p -> assertThat(p).contains("host-key-cheking"));

        ObjectNode defaults = (ObjectNode) Schemas.yaml(Path.of("inventory", "defaults.yaml"));
        defaults.put("host-key-checking", "maybe");
        assertThat(Schemas.problems("inventory-defaults", defaults)).isNotEmpty();
        defaults.put("host-key-checking", "accept-new");
        defaults.putObject("data").put("anything", "goes");
        assertThat(Schemas.problems("inventory-defaults", defaults))
                .as("data: is free-form")
                .isEmpty();

        JsonNode policy = Schemas.yaml(Path.of("policy", "subscriber-protection.yaml"));
        ObjectNode service = (ObjectNode)
                policy.get("portcullis-policy:policy").get("service").get(0);
        service.put("protocl", "udp");
        assertThat(Schemas.problems("policy", policy))
                .anySatisfy(p -> assertThat(p).contains("protocl"));

        ObjectNode promise = (ObjectNode) Schemas.yaml(Path.of("policy", "promise.yaml"));
        ((ObjectNode) promise.get("promise")).put("max-exemptoin", 24);
        assertThat(Schemas.problems("promise", promise))
                .anySatisfy(p -> assertThat(p).contains("max-exemptoin"));
    }

    /** The apply document's {@code recording} object: optional (a report without it, as GET /api/runs/{id} has, stays valid), closed. */
    @Test
    void applyRecordingIsOptionalAndClosed() throws IOException {
        java.time.Instant t = java.time.Instant.parse("2026-12-06T02:00:00.125Z");
        List<io.portcullis.engine.report.RouterOutcome> routers = List.of(new io.portcullis.engine.report.RouterOutcome(
                "r1",
                "junos",
                io.portcullis.engine.report.OutcomeState.APPLIED,
                null,
                "applied",
                List.of(),
                List.of(),
                250));
        io.portcullis.engine.report.RunReport r = new io.portcullis.engine.report.RunReport(
                "run-1",
                "test",
                "sha256:x",
                null,
                t,
                t.plusSeconds(3),
                null,
                io.portcullis.engine.report.RunReport.count(routers),
                routers);
        JsonNode without = Schemas.json(r.toJson());
        assertThat(without.has("recording")).isFalse();
        assertThat(Schemas.problems("apply", without)).isEmpty();
        for (io.portcullis.engine.report.RunReport.Recording rec : List.of(
                io.portcullis.engine.report.RunReport.Recording.recorded("run-1"),
                io.portcullis.engine.report.RunReport.Recording.notRecorded(
                        "the database jdbc:postgresql://db:5432/x is unreachable (refused)"),
                io.portcullis.engine.report.RunReport.Recording.off())) {
            JsonNode doc = Schemas.json(r.withRecording(rec).toJson());
            assertThat(doc.get("format").asText()).isEqualTo("portcullis-apply/1");
            assertThat(doc.get("recording").get("state").asText()).isEqualTo(rec.state());
            assertThat(Schemas.problems("apply", doc)).as(doc.toString()).isEmpty();
        }
        JsonNode recorded =
                Schemas.json(r.withRecording(io.portcullis.engine.report.RunReport.Recording.recorded("run-1"))
                        .toJson());
        assertThat(recorded.get("recording").get("runId").asText()).isEqualTo("run-1");
        ObjectNode badState = recorded.deepCopy();
        ((ObjectNode) badState.get("recording")).put("state", "MAYBE");
        assertThat(Schemas.problems("apply", badState)).isNotEmpty();
        ObjectNode extra = recorded.deepCopy();
        ((ObjectNode) extra.get("recording")).put("recorded", true);
        assertThat(Schemas.problems("apply", extra)).isNotEmpty();
    }

    @Test
    void everySchemaIsDraft2020AndLoads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs/schemas"))) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                JsonNode s = Schemas.json(Files.readString(p));
                assertThat(s.get("$schema").asText())
                        .as(p.toString())
                        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
                String name = p.getFileName().toString().replace(".schema.json", "");
                assertThat(s.get("$id").asText()).isEqualTo(Schemas.BASE + name + ".schema.json");
                assertThat(Schemas.schema(name)).isNotNull();
            }
        }
    }
}
