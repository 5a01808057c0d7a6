package io.portcullis.engine.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** One router's outcome as the apply and recover documents write it: the engine's state name, reason code, sentence. */
public final class Outcomes {
    private Outcomes() {}

    public static Map<String, Object> router(RouterOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("router", o.router());
        m.put("platform", o.platform());
        m.put("state", o.state().name());
        m.put("reason", o.reason());
        m.put("message", o.message());
        m.put("changes", o.changeItems());
        m.put("impact", o.impactItems());
        m.put("millis", o.millis());
        // issue 13 item 1: what had to be done differently on this router (VALIDATE_SKIPPED), empty for most
        m.put("workarounds", o.workarounds());
        return m;
    }
}
