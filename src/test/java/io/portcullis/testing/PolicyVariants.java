package io.portcullis.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Revisions of the shipped policy for tests that need a second one: applying it after the shipped one changes every router. */
public final class PolicyVariants {
    private PolicyVariants() {}

    /** The shipped policy without TCP/2525 in its SMTP term, written into {@code dir} (created), which is returned. */
    public static Path without2525(Path dir) throws IOException {
        Files.createDirectories(dir);
        String text = Files.readString(Path.of("policy/subscriber-protection.yaml"));
        String changed = text.replace("ports: [25, 465, 587, 2525]", "ports: [25, 465, 587]");
        if (changed.equals(text)) {
            throw new IllegalStateException(
                    "policy/subscriber-protection.yaml no longer lists ports [25, 465, 587, 2525]");
        }
        Files.writeString(dir.resolve("subscriber-protection.yaml"), changed);
        return dir;
    }
}
