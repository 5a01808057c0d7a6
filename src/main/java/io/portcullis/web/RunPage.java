package io.portcullis.web;

import java.util.List;

/** {@code /runs/{id}}: one run and each router's outcome in it. */
public record RunPage(
        RunRow run, String osUser, String apiCaller, String toolVersion, String options, List<Outcome> routers) {

    public record Outcome(
            String router,
            String href,
            String platform,
            String state,
            String reason,
            List<String> impact,
            String error,
            String millis) {}
}
