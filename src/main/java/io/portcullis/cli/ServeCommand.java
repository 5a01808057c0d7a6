package io.portcullis.cli;

import io.portcullis.api.PortcullisService;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "serve",
        description = {
            "Run the drift-alert service: full drift checks every portcullis.drift.period (default 5m) and at once",
            "on netconf-config-change notifications; alerts (log, webhook, Alertmanager, Slack); metrics at /q/metrics,",
            "health at /q/health, REST API under /api (bearer tokens portcullis.api.read-token / portcullis.api.token), OpenAPI at",
            "/q/openapi. Listens on 127.0.0.1 unless portcullis.http.host says otherwise. Configure with application.properties",
            "or PORTCULLIS_* env vars."
        })
public class ServeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Inject
    PortcullisService service;

    @Override
    public Integer call() {
        service.start(global.policy, global.inventory, global.limit);
        if (!service.ready()) {
            System.err.println("portcullis serve: " + service.loadError());
            return ExitCodes.ERROR;
        }
        var config = ConfigProvider.getConfig();
        int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        System.out.println("portcullis serve: watching "
                + service.monitor().targets().size() + " routers; http://" + host + ":" + port
                + "/api/routers (bearer token), /q/metrics, /q/health, /q/openapi"
                + (host.equals("127.0.0.1") ? " (loopback only; set portcullis.http.host to listen elsewhere)" : ""));
        System.out.flush();
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}
