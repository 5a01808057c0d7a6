package io.portcullis.web;

import io.portcullis.api.PortcullisService;
import io.portcullis.engine.drift.RouterStatus;
import java.util.function.Function;

/** What the dashboard asks of the running service before showing anything. */
final class Served {
    private Served() {}

    /** Starts the service when nothing has yet (as the REST API does); the reason it cannot serve, or null. */
    static String problem(PortcullisService service) {
        service.start();
        if (service.loadError() != null) {
            return service.loadError();
        }
        return service.ready() && service.monitor() != null ? null : "the service is starting";
    }

    /**
     * The policy revision each router was last compared with — the one last applied to it, when the run history
     * knows — and the newer one waiting when it is pending ("—" before its first check).
     */
    static Function<String, String> revisions(PortcullisService service) {
        return router -> revisionOf(service.monitor().status().get(router));
    }

    static String revisionOf(RouterStatus s) {
        if (s == null || s.revisions() == null || s.revisions().applied() == null) {
            return "—";
        }
        RouterStatus.Revisions r = s.revisions();
        return r.pending() == null ? r.applied() : r.applied() + " → pending " + r.pending();
    }
}
