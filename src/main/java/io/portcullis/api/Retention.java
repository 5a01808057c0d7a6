package io.portcullis.api;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Prunes the run history to portcullis.db.retention (default 400d) every hour while serve runs (scheduler is on only for serve). */
@ApplicationScoped
public class Retention {
    @Inject
    PortcullisService service;

    @Scheduled(
            identity = "portcullis-retention",
            every = "${portcullis.db.prune-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        service.prune();
    }
}
