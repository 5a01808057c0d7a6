package io.portcullis.api;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How often serve's leader audits finished applies for out-of-band changes they overwrote unseen ({@link
 * OverwriteAudit}); scheduler is on only for serve. Every 30 s by default: a few cheap queries when no run finished.
 */
@ApplicationScoped
public class OverwriteSchedule {
    @Inject
    PortcullisService service;

    @Scheduled(
            identity = "portcullis-overwrite-audit",
            every = "${portcullis.drift.overwrite-audit:30s}",
            delayed = "${portcullis.drift.overwrite-audit:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void audit() {
        service.auditOverwrites();
    }
}
