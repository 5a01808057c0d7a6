package io.portcullis.guard;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the router lock files of an embedded H2 database live: beside its file, {@code <database>.router-locks}
 * (the default {@code .portcullis/state/portcullis.router-locks}). Only a URL that opens a file of this host
 * ({@code jdbc:h2:file:…}, or a bare path such as {@code jdbc:h2:./state/db} or {@code jdbc:h2:~/db}) has one; a
 * server URL ({@code tcp:}, {@code ssl:}) can be shared by other hosts, and {@code mem:} or another H2 file system
 * prefix ({@code zip:}, {@code nio:}, …) is left to the lock rows in the database, which work for all of them.
 */
final class H2LockDirectory {
    /** An H2 file system or protocol prefix ("tcp:", "mem:", "zip:", "nioMapped:"…), not a Windows drive ("C:"). */
    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:");

    private H2LockDirectory() {}

    static Optional<Path> of(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (PREFIX.matcher(name).find()) {
            return Optional.empty();
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        if (name.equals("~") || name.startsWith("~/") || name.startsWith("~\\")) {
            name = System.getProperty("user.home") + name.substring(1); // as H2 itself reads "~"
        }
        return Optional.of(Path.of(name + ".router-locks").normalize());
    }
}
