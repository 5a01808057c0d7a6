package io.portcullis.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point. Quarkus would start its HTTP server (REST extension present) and scheduler for every
 * command; they are off by default in application.properties and switched on here for
 * {@code serve} only, before Quarkus reads its configuration.
 */
@QuarkusMain
public class PortcullisMain implements QuarkusApplication {
    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        if (isServe(args)) {
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.scheduler.enabled", "true");
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
