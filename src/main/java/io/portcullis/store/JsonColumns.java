package io.portcullis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.json.JsonMappers;
import java.util.List;
import java.util.Map;

/** Lists and maps stored as JSON text columns (portable between H2 and PostgreSQL, unlike either's JSON type). */
final class JsonColumns {
    private static final ObjectMapper MAPPER = JsonMappers.MESSAGES;

    private JsonColumns() {}

    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() {});
    }

    static Map<String, String> map(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<Map<String, String>>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored JSON column cannot be read (" + e.getOriginalMessage()
                    + "); the database was edited by hand?");
        }
    }
}
