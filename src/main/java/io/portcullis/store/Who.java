package io.portcullis.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who started a run: the actor shown in history ({@code --actor}/{@code PORTCULLIS_ACTOR}, else the CI user,
 * else the OS user, else "api:CALLER" or "serve"), the OS user, the REST caller, and the CI identity
 * ({@code system} gitlab|github plus user, pipelineUrl, jobUrl, commitSha, mergeRequestIid, runId, …).
 */
public record Who(String actor, String osUser, String apiCaller, Map<String, String> ci) {
    public Who {
        actor = Sanitizer.text(actor, 200);
        osUser = Sanitizer.text(osUser, 200);
        apiCaller = Sanitizer.text(apiCaller, 200);
        Map<String, String> clean = new LinkedHashMap<>();
        if (ci != null) {
            ci.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    clean.put(k, Sanitizer.text(Sanitizer.url(v), 500));
                }
            });
        }
        ci = Map.copyOf(clean);
    }

    /** The long-running service acting on its own (scheduled checks, remediation). */
    public static Who service(String osUser) {
        return new Who("serve", osUser, null, Map.of());
    }
}
