package io.portcullis.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.json.JsonMappers;

/** The JSON mapper of plans, reports and journals ({@link JsonMappers#FILES}): stable key order, ISO timestamps. */
public final class EngineJson {
    public static final ObjectMapper MAPPER = JsonMappers.FILES;

    private EngineJson() {}

    public static String write(Object o) {
        return JsonMappers.write(MAPPER, o);
    }
}
