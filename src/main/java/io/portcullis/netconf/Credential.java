package io.portcullis.netconf;

import java.nio.file.Path;
import java.util.Objects;

/** How we authenticate. toString never reveals secrets. */
public sealed interface Credential {

    static Credential password(char[] password) {
        return new Password(password);
    }

    /** A private key file (OpenSSH or PEM); {@code passphrase} may be null. */
    static Credential privateKey(Path keyFile, char[] passphrase) {
        return new PrivateKey(keyFile, passphrase);
    }

    /** Password authentication. The array is not copied; the caller may wipe it after the session is up. */
    final class Password implements Credential {
        private final char[] secret;

        Password(char[] secret) {
            if (secret == null || secret.length == 0) {
                throw new IllegalArgumentException("empty password");
            }
            this.secret = secret;
        }

        char[] secret() {
            return secret;
        }

        @Override
        public String toString() {
            return "password(****)";
        }
    }

    /** Public-key authentication with exactly this key file; nothing from ~/.ssh is ever added. */
    final class PrivateKey implements Credential {
        private final Path keyFile;
        private final char[] passphrase;

        PrivateKey(Path keyFile, char[] passphrase) {
            this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
            this.passphrase = passphrase;
        }

        public Path keyFile() {
            return keyFile;
        }

        char[] passphrase() {
            return passphrase;
        }

        @Override
        public String toString() {
            return "private-key(" + keyFile + ")";
        }
    }
}
