package io.portcullis.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The shared JSON set-up. Mappers are thread-safe once configured; use the constants, never reconfigure them.
 * The variants differ only in what their readers rely on, so changing one changes a file format or a digest.
 */
public final class JsonMappers {
    /** Plans, run reports, journals: indented, map keys sorted (stable diffs), nulls left out. */
    public static final ObjectMapper FILES = base().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** Digest input: compact, map keys sorted, so equal content always hashes alike. */
    public static final ObjectMapper CANONICAL = base().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Alert payloads, database JSON columns, the GitLab report: compact, in the order the sender built them. */
    public static final ObjectMapper MESSAGES = base();
    /** Documents whose key order is the contract (verify --json): indented, insertion order, nulls kept. */
    public static final ObjectMapper DOCUMENTS = base().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonMappers() {}

    /** The common base: java.time as ISO-8601 text, unknown properties ignored when reading (newer writers). */
    public static ObjectMapper base() {
        return configure(new ObjectMapper());
    }

    /**
     * Applies the base to a mapper someone else made: the REST layer's ({@code api.JsonCustomizer}), so an answer of
     * {@code /api/...} and the CLI's document of the same record have the same shape. Returns {@code mapper}.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes {@code value} with {@code mapper}; a value Jackson cannot write is a programming error. */
    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
