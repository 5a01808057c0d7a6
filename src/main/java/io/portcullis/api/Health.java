package io.portcullis.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** /q/health/live: the process answers. /q/health/ready: policy and inventory are loaded. */
public final class Health {
    private Health() {}

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("portcullis");
        }
    }

    /**
     * /q/health/ready "database": DOWN while the history database cannot be written (records wait in memory and are
     * written when it is back) or its settings are unusable; UP with recording off, saying so.
     */
    @Readiness
    @ApplicationScoped
    public static class Database implements HealthCheck {
        @Inject
        PortcullisService service;

        @Override
        public HealthCheckResponse call() {
            var b = HealthCheckResponse.named("database");
            var store = service.store();
            if (store == null) {
                return (service.dbError() == null
                                ? b.up().withData("recording", "off")
                                : b.down().withData("error", service.dbError()))
                        .build();
            }
            boolean up = store.probe();
            b.status(up && store.lastError() == null).withData("buffered", store.buffered());
            if (store.lastError() != null) {
                b.withData("error", store.lastError());
            }
            if (store.dropped() > 0) {
                b.withData("dropped", store.dropped());
            }
            return b.build();
        }
    }

    /**
     * /q/health/ready "leader": UP on every replica (a follower serves reads), with {@code leader} yes/no, the
     * leading replica's name and this replica's, so an operator sees at once which one leads.
     */
    @Readiness
    @ApplicationScoped
    public static class Leader implements HealthCheck {
        @Inject
        PortcullisService service;

        @Override
        public HealthCheckResponse call() {
            var b = HealthCheckResponse.named("leader").up();
            Leadership l = service.leadership();
            if (l == null) {
                return b.withData("leader", "no")
                        .withData("replica", "not started")
                        .build();
            }
            b.withData("leader", l.leading() ? "yes" : "no")
                    .withData("replica", l.election().replica())
                    .withData("leaderName", l.leaderName())
                    .withData("election", l.election().describe());
            l.alertStateProblem().ifPresent(p -> b.withData("alertStateError", p));
            return b.build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        PortcullisService service;

        @Override
        public HealthCheckResponse call() {
            var b = HealthCheckResponse.named("policy-and-inventory").status(service.ready());
            if (service.loadError() != null) {
                b.withData("error", service.loadError());
            }
            if (service.monitor() != null) {
                b.withData("routers", service.monitor().targets().size());
            }
            return b.build();
        }
    }
}
