package io.portcullis.api;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The periodic full drift check (scheduler is on only for serve), the backstop for missed notifications. */
@ApplicationScoped
public class DriftSchedule {
    @Inject
    PortcullisService service;

    @Scheduled(
            identity = "portcullis-drift",
            every = "${portcullis.drift.period:5m}",
            delayed = "${portcullis.drift.period:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fullCheck() {
        service.checkAll("schedule");
    }
}
