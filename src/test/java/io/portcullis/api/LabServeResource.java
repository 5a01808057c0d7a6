package io.portcullis.api;

import io.portcullis.lab.LabFleet;
import io.portcullis.testing.HttpReceiver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Starts what a served fleet needs before Quarkus boots: three simulated routers over SSH on loopback, their
 * inventory (password in a 0600 file, since a test cannot set environment variables), and one HTTP receiver
 * standing in for both the webhook bridge (/hook) and Alertmanager (/am).
 */
public class LabServeResource implements QuarkusTestResourceLifecycleManager {
    static LabFleet fleet;
    static HttpReceiver receiver;
    static Path inventory;
    private String previousDbUrl;

    @Override
    public Map<String, String> start() {
        try {
            fleet = LabFleet.builder()
                    .devices(3)
                    .platforms("junos,iosxr,openconfig")
                    .portBase(0)
                    .start();
            inventory = Files.createTempDirectory("serve-lab-inventory");
            fleet.writeInventory(inventory, LabFleet.DEFAULT_PASSWORD_ENV);
            Path password = inventory.resolve("password");
            Files.writeString(password, fleet.password());
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            Path groups = inventory.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace(
                                    "password-env: " + LabFleet.DEFAULT_PASSWORD_ENV,
                                    "password-file: " + password.toAbsolutePath()));
            receiver = HttpReceiver.start();
            // a history of its own: applied revisions of other tests' routers (same lab names) must not be the desired
            // state
            // here; surefire's system property (the suite's shared test-state) outranks a resource's config, hence a
            // property
            previousDbUrl = System.setProperty(
                    "portcullis.db.url",
                    io.portcullis.store.DbSettings.h2File(
                            inventory.resolve("state").resolve("portcullis")));
        } catch (Exception e) {
            throw new IllegalStateException("lab fleet for the serve test could not start: " + e.getMessage(), e);
        }
        return Map.ofEntries(
                Map.entry("portcullis.inventory", inventory.toString()),
                Map.entry("portcullis.alert.webhook.url", receiver.uri("/hook").toString()),
                Map.entry(
                        "portcullis.alert.alertmanager.url", receiver.uri("/am").toString()),
                Map.entry("portcullis.alert.resend-interval", "2s"),
                Map.entry("portcullis.alert.unreachable-after", "2"),
                Map.entry("portcullis.alert.retry.min-backoff", "200ms"),
                Map.entry("portcullis.confirm-timeout", "30"));
    }

    @Override
    public void stop() {
        if (previousDbUrl != null) {
            System.setProperty("portcullis.db.url", previousDbUrl);
        } else {
            System.clearProperty("portcullis.db.url");
        }
        if (receiver != null) {
            receiver.close();
        }
        try {
            if (fleet != null) {
                fleet.close();
            }
        } catch (Exception e) {
            // the fleet's threads die with the JVM anyway
        }
    }
}
