package io.portcullis.cli;

import io.portcullis.lab.FaultSpec;
import io.portcullis.lab.LabFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portcullis lab}: simulated BNGs on loopback until interrupted (design.md section 4). */
@Command(name = "lab", description = "Runs simulated NETCONF routers of every platform on loopback until interrupted.")
public class LabCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--devices", description = "Number of simulated routers.", defaultValue = "6")
    int devices;

    @Option(
            names = "--platforms",
            description = "Platforms, round-robin (default: junos,iosxr,sros,vrp,openconfig,ietf).")
    String platforms;

    @Option(
            names = "--port-base",
            description = "First port; device i listens on port-base + i; 0 = ephemeral.",
            defaultValue = "18300")
    int portBase;

    @Option(
            names = "--write-inventory",
            description = "Write hosts.yaml, groups.yaml, defaults.yaml and known_hosts for the fleet here.")
    Path inventoryDir;

    @Option(
            names = "--password-env",
            description = "Environment variable holding the lab password; "
                    + "when unset, a random password is generated and written to a file.",
            defaultValue = LabFleet.DEFAULT_PASSWORD_ENV)
    String passwordEnv;

    @Option(
            names = "--username",
            description = "SSH user the routers accept.",
            defaultValue = LabFleet.DEFAULT_USERNAME)
    String username;

    @Option(names = "--run-for", description = "Stop after this many seconds (default: run until interrupted).")
    Long runFor;

    @Option(
            names = "--traffic",
            description =
                    "Feed every router this many packets per second of synthetic traffic, decided by the "
                            + "filters bound in its running config; counters at each platform's operational path (default: no traffic).")
    Double traffic;

    @Option(
            names = "--fault",
            description =
                    "Inject a fault: DEVICE=KIND[:ARG], e.g. 2=delay:500, lab-junos-001=fail-commit (repeatable).")
    List<String> faults = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || devices > 20000) {
            System.err.println("portcullis lab: --devices must be between 1 and 20000; got " + devices + ".");
            return ExitCodes.USAGE;
        }
        String password = System.getenv(passwordEnv);
        Path passwordFile = null;
        LabFleet.Builder b =
                LabFleet.builder().devices(devices).portBase(portBase).username(username);
        try {
            if (platforms != null) {
                b.platforms(platforms);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("portcullis lab: " + e.getMessage() + ".");
            return ExitCodes.USAGE;
        }
        if (password != null && !password.isEmpty()) {
            b.password(password);
        }
        if (traffic != null && !(traffic > 0)) {
            System.err.println(
                    "portcullis lab: --traffic must be a positive number of packets per second; got " + traffic + ".");
            return ExitCodes.USAGE;
        }
        LabFleet fleet;
        try {
            fleet = b.start();
        } catch (IOException e) {
            System.err.println("portcullis lab: cannot listen on 127.0.0.1 ports " + portBase + "-"
                    + (portBase + devices - 1) + " (" + e.getMessage() + "); choose another --port-base or 0.");
            return ExitCodes.ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> closeQuietly(fleet, stopped), "lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (String f : faults) {
                FaultSpec.apply(fleet, f);
            }
            if (password == null || password.isEmpty()) {
                passwordFile = writePasswordFile(fleet.password());
            }
            if (traffic != null) {
                io.portcullis.traffic.LabTraffic.attach(fleet, traffic).start(1000);
            }
            String where = "";
            if (inventoryDir != null) {
                fleet.writeInventory(inventoryDir, passwordEnv);
                where = ", inventory written to " + inventoryDir;
            }
            if (passwordFile != null) {
                System.out.println("lab: generated password; use it with: export " + passwordEnv + "=\"$(cat "
                        + passwordFile + ")\"");
            }
            System.out.println("lab: " + fleet.size() + " devices on 127.0.0.1:" + fleet.firstPort() + "-"
                    + fleet.lastPort() + where + (traffic == null ? "" : ", " + traffic + " packets/s of traffic each")
                    + " (pid " + ProcessHandle.current().pid() + ")");
            System.out.flush();
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            System.err.println("portcullis lab: " + e.getMessage() + ".");
            closeQuietly(fleet, stopped);
            return ExitCodes.USAGE;
        }
        if (runFor != null) {
            stopped.await(runFor, TimeUnit.SECONDS);
        } else {
            stopped.await();
        }
        closeQuietly(fleet, stopped);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running
        }
        return ExitCodes.OK;
    }

    private Path writePasswordFile(String password) throws IOException {
        Path dir = inventoryDir != null ? inventoryDir : Files.createTempDirectory("portcullis-lab");
        Files.createDirectories(dir);
        Path file = dir.resolve("lab-password");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password);
        return file;
    }

    private static void closeQuietly(LabFleet fleet, CountDownLatch stopped) {
        try {
            fleet.close();
        } catch (IOException | RuntimeException ignored) {
            // stopping anyway
        } finally {
            stopped.countDown();
        }
    }
}
