package io.portcullis.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.json.JsonMappers;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives Quarkus' REST mapper the project's JSON base ({@link JsonMappers#configure}), so what {@code /api/...} answers
 * has the shape the CLI's documents and the reports have: times as ISO-8601 text, unknown request fields ignored.
 * Without it the REST layer would follow {@code quarkus.jackson.*}, a second configuration to keep in step.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        JsonMappers.configure(mapper);
    }
}
