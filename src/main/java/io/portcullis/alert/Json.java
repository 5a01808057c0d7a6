package io.portcullis.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.json.JsonMappers;

/** Alert payloads as JSON ({@link JsonMappers#MESSAGES}). */
final class Json {
    static final ObjectMapper MAPPER = JsonMappers.MESSAGES;

    private Json() {}

    static String write(Object o) {
        return JsonMappers.write(MAPPER, o);
    }
}
