package io.portcullis.traffic;

import io.portcullis.engine.Workspace;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A six-platform lab with traffic and an inventory whose password is in a file (a test JVM cannot set env vars). */
final class LabFixture implements AutoCloseable {
    static final String PASSWORD = "Traffic-Fixture-Sentinel-52";
    final LabFleet fleet;
    final LabTraffic traffic;
    final Path inventory;
    final List<Target> targets;

    LabFixture(Path dir, int devices, double pps) throws Exception {
        fleet = LabFleet.builder().devices(devices).password(PASSWORD).start();
        traffic = LabTraffic.attach(fleet, pps);
        inventory = dir.resolve("inventory");
        fleet.writeInventory(inventory, "PORTCULLIS_LAB_PASSWORD");
        Files.writeString(inventory.resolve("lab-password"), PASSWORD);
        Path groups = inventory.resolve("groups.yaml");
        Files.writeString(
                groups,
                Files.readString(groups)
                        .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
        Workspace w = Workspace.load(Path.of("policy"), inventory, null);
        targets = w.compileAll().stream()
                .map(c -> new Target(c.device(), c.intent(), c.promise()))
                .toList();
    }

    /** Puts the policy on every router the way a CLI user would paste it (no Portcullis transaction needed here). */
    void installPolicy() {
        for (Target t : targets) {
            fleet.device(t.name())
                    .outOfBandEdit(Platforms.get(t.device().platform()).renderConfig(t.intent()));
        }
    }

    Target target(String platform) {
        return targets.stream()
                .filter(t -> t.device().platform().equals(platform))
                .findFirst()
                .orElseThrow();
    }

    SimDevice device(String platform) {
        return fleet.device(target(platform).name());
    }

    @Override
    public void close() throws Exception {
        traffic.close();
        fleet.close();
    }
}
