package io.portcullis.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (published YANG modules and vendor examples). Tests that need it call
 * {@link #require(String)} and are skipped with a clear message when it is absent.
 */
public final class SharedDir {
    private SharedDir() {}

    public static Path root() {
        return Path.of(System.getProperty("portcullis.shared", "../shared"))
                .toAbsolutePath()
                .normalize();
    }

    /** Returns {@code root().resolve(relative)}, or skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(
                Files.exists(p),
                () -> "SKIPPED: " + p
                        + " is absent; this test needs ../shared beside the project (or -Dportcullis.shared=DIR)");
        return p;
    }
}
