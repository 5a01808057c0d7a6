package io.portcullis.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** /q/health/live: the process answers. /q/health/ready: policy and inventory are loaded. */
public final class Health {
    private Health() {
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("portcullis");
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
