package io.portcullis.web;

import io.portcullis.lab.LabFleet;
import io.portcullis.traffic.LabTraffic;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * What the served dashboard needs before Quarkus boots: three simulated routers (Junos, IOS-XR, OpenConfig) over
 * SSH on loopback with {@code lab --traffic}-style traffic ticking every 250 ms, and their inventory (password in a
 * 0600 file). MINA registers a JVM-wide "EdDSA" security provider from whichever class loader loads it first; it is
 * removed on start and stop so Quarkus test classes that run later in this JVM parse ed25519 keys with their own.
 */
public class DashboardLabResource implements QuarkusTestResourceLifecycleManager {
    static final String PASSWORD = "Dashboard-Lab-Sentinel-64";
    static LabFleet fleet;
    static LabTraffic traffic;
    static Path inventory;

    @Override
    public Map<String, String> start() {
        dropEdDsaProvider();
        try {
            fleet = LabFleet.builder()
                    .devices(3)
                    .platforms("junos,iosxr,openconfig")
                    .password(PASSWORD)
                    .portBase(0)
                    .start();
            traffic = LabTraffic.attach(fleet, 2000).start(250);
            inventory = Files.createTempDirectory("dashboard-lab-inventory");
            fleet.writeInventory(inventory, LabFleet.DEFAULT_PASSWORD_ENV);
            Path password = inventory.resolve("password");
            Files.writeString(password, PASSWORD);
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            Path groups = inventory.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace(
                                    "password-env: " + LabFleet.DEFAULT_PASSWORD_ENV,
                                    "password-file: " + password.toAbsolutePath()));
        } catch (Exception e) {
            throw new IllegalStateException("lab fleet for the dashboard test could not start: " + e.getMessage(), e);
        }
        return Map.of("portcullis.inventory", inventory.toString());
    }

    @Override
    public void stop() {
        if (traffic != null) {
            traffic.close();
        }
        try {
            if (fleet != null) {
                fleet.close();
            }
        } catch (Exception e) {
            // the fleet's threads die with the JVM anyway
        }
        dropEdDsaProvider();
    }

    static void dropEdDsaProvider() {
        if (java.security.Security.getProvider("EdDSA") != null) {
            java.security.Security.removeProvider("EdDSA");
        }
    }
}
