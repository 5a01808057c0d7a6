package io.portcullis.inventory;

import java.nio.file.Path;

/**
 * Credentials by reference only: the inventory names an environment variable or a file, never a
 * secret. {@link #toString()} therefore never prints a secret; resolving happens at connect time.
 */
public record Credentials(String username, String passwordEnv, Path passwordFile, Path privateKey) {
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", passwordEnv=" + passwordEnv + ", passwordFile=" + passwordFile
                + ", privateKey=" + privateKey + "]";
    }
}
