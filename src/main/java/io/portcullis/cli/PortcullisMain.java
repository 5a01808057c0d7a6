package io.portcullis.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point. The CLI commands (validate, plan, apply, drift, history, …, help, --version) do not boot Quarkus at
 * all: {@link CommandLineEntry} picks them and {@link PlainMain} runs them (docs/benchmarks.md "CLI start-up").
 * Only {@code serve} and {@code lab} boot it; for them Quarkus would start its HTTP server (REST extension present) and scheduler for every
 * command; they are off by default in application.properties and switched on here for
 * {@code serve} only, before Quarkus reads its configuration (with INFO logging for io.portcullis: what the service
 * did, remediations above all, must be in its log).
 */
@QuarkusMain
public class PortcullisMain implements QuarkusApplication {
    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        if (CommandLineEntry.plain(args)) {
            System.exit(PlainMain.run(args));
        }
        if (isServe(args)) {
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.scheduler.enabled", "true");
            // the service's own INFO lines (remediations, reloads, skipped remediations) are its audit trail; the CLI
            // stays at
            // WARN so command output is not mixed with log lines. An operator's own setting wins.
            String infoFor = "quarkus.log.category.\"io.portcullis\".level";
            if (System.getProperty(infoFor) == null
                    && System.getenv("QUARKUS_LOG_CATEGORY__IO_PORTCULLIS__LEVEL") == null) {
                System.setProperty(infoFor, "INFO");
            }
        }
        Quarkus.run(PortcullisMain.class, args);
    }

    static boolean isServe(String... args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("serve");
            }
        }
        return false;
    }

    @Override
    public int run(String... args) {
        return CommandLines.create(factory).execute(args);
    }
}
