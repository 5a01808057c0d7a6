package io.portcullis.api;

import io.portcullis.lab.LabFleet;
import io.portcullis.store.DbSettings;
import io.portcullis.testing.HttpReceiver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Security;
import java.util.Map;

/**
 * What {@link DesiredStateServeLabTest} serves: three simulated SSH routers with change notifications, their
 * inventory (password in a 0600 file), a policy directory of its own (the test rewrites it), a fresh H2 history,
 * a webhook receiver, remediation on, a 1 s policy/inventory poll, a 2 s settle time and PortcullisPolicyPending after 5 s.
 */
public class DesiredServeResource implements QuarkusTestResourceLifecycleManager {
    static LabFleet fleet;
    static HttpReceiver receiver;
    static Path inventory;
    static Path policy;
    static Path work;
    private String previousDbUrl;

    @Override
    public Map<String, String> start() {
        try {
            fleet = LabFleet.builder()
                    .devices(3)
                    .platforms("junos,iosxr,openconfig")
                    .portBase(0)
                    .start();
            work = Files.createTempDirectory("serve-desired");
            inventory = work.resolve("inventory");
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
            policy = Files.createDirectories(work.resolve("serve-policy"));
            Files.copy(Path.of("policy/subscriber-protection.yaml"), policy.resolve("subscriber-protection.yaml"));
            receiver = HttpReceiver.start();
            // a history of its own; surefire's system property (the suite's shared test-state) outranks a resource's
            // config
            previousDbUrl = System.setProperty(
                    "portcullis.db.url", DbSettings.h2File(work.resolve("state").resolve("portcullis")));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "lab fleet for the desired-state serve test could not start: " + e.getMessage(), e);
        }
        return Map.ofEntries(
                Map.entry("portcullis.inventory", inventory.toString()),
                Map.entry("portcullis.policy", policy.toString()),
                Map.entry("portcullis.alert.webhook.url", receiver.uri("/hook").toString()),
                Map.entry("portcullis.remediate", "true"),
                Map.entry("portcullis.watch.notifications", "true"),
                Map.entry("portcullis.watch.min-backoff", "200ms"),
                Map.entry("portcullis.policy.poll-interval", "1s"),
                Map.entry("portcullis.drift.settle", "2s"),
                Map.entry("portcullis.drift.period", "1h"),
                Map.entry("portcullis.alert.retry.min-backoff", "200ms"),
                // PortcullisPolicyPending on, after 5 s (default off, 1h): the pending phase sees it fire and resolve
                Map.entry("portcullis.alert.pending.enabled", "true"),
                Map.entry("portcullis.alert.pending-after", "5s"),
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
        // Apache MINA registers a JVM-wide EdDSA provider; left behind, it breaks later Quarkus test classes' TLS/SSH
        // set-up
        Security.removeProvider("EdDSA");
    }
}
