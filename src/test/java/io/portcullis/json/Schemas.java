package io.portcullis.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The published JSON Schemas under {@code docs/schemas/}, read from the files (so what is tested is what is shipped)
 * and checked with a real draft 2020-12 validator (networknt json-schema-validator).
 */
public final class Schemas {
    public static final String BASE = "https://portcullis.example/schemas/";
    private static final Path DIR = Path.of("docs/schemas").toAbsolutePath();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Schemas() {}

    /** e.g. "plan" for docs/schemas/plan.schema.json. */
    public static Schema schema(String name) {
        try {
            // read from the file shipped in docs/schemas, under its $id (each schema is self-contained: only #/$defs
            // refs)
            return REGISTRY.getSchema(
                    SchemaLocation.of(BASE + name + ".schema.json"),
                    java.nio.file.Files.readString(DIR.resolve(name + ".schema.json")),
                    com.networknt.schema.InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The validator's complaints, one line each; empty when {@code doc} is valid. */
    public static List<String> problems(String name, JsonNode doc) {
        List<Error> errors = schema(name).validate(doc);
        return errors.stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    public static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }
}
