package io.portcullis.testing;

import io.portcullis.lab.LabFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The inventory of a lab fleet for processes started from a test: the fleet's hosts, groups, defaults and known_hosts,
 * with the password by file (0600) instead of an environment variable the child process would not have.
 */
public final class LabInventory {
    private LabInventory() {}

    /** Writes the inventory into {@code dir} and returns it. */
    public static Path write(LabFleet fleet, Path dir) throws IOException {
        Files.createDirectories(dir);
        fleet.writeInventory(dir, LabFleet.DEFAULT_PASSWORD_ENV);
        Path password = dir.resolve("password");
        Files.deleteIfExists(password);
        Files.createFile(password, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(password, fleet.password());
        Path groups = dir.resolve("groups.yaml");
        Files.writeString(
                groups,
                Files.readString(groups)
                        .replace(
                                "password-env: " + LabFleet.DEFAULT_PASSWORD_ENV,
                                "password-file: " + password.toAbsolutePath()));
        return dir;
    }
}
