package io.portcullis.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.engine.report.OutcomeState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the soak reads from an apply's {@code --report} file (the versioned {@code portcullis-apply/1} document): the run
 * id and each router's final state, reason and the kinds of change the run found on it (its pre-image against the
 * revision). Read field by field, as a CI script would, so that the rest of the
 * document (structured changes, workarounds…) can grow without breaking the soak.
 */
record ApplyDocument(String runId, List<Outcome> routers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One router's outcome; {@code changeKinds}: the report's {@code changes[].kind} (e.g. "term-missing"). */
    record Outcome(String router, OutcomeState state, String reason, List<String> changeKinds) {
        Outcome {
            changeKinds = List.copyOf(changeKinds);
        }

        Outcome(String router, OutcomeState state, String reason) {
            this(router, state, reason, List.of());
        }
    }

    static ApplyDocument read(Path file) throws IOException {
        JsonNode doc = JSON.readTree(file.toFile());
        List<Outcome> routers = new ArrayList<>();
        for (JsonNode r : doc.path("routers")) {
            List<String> kinds = new ArrayList<>();
            r.path("changes").forEach(c -> kinds.add(c.path("kind").asText()));
            routers.add(new Outcome(
                    r.path("router").asText(),
                    OutcomeState.valueOf(r.path("state").asText()),
                    r.path("reason").asText(),
                    kinds));
        }
        return new ApplyDocument(doc.path("runId").asText(), List.copyOf(routers));
    }

    Map<OutcomeState, Integer> counts() {
        Map<OutcomeState, Integer> m = new EnumMap<>(OutcomeState.class);
        routers.forEach(o -> m.merge(o.state(), 1, Integer::sum));
        return m;
    }
}
