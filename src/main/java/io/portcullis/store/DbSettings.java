package io.portcullis.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where runs are recorded: {@code portcullis.db.url} (env {@code PORTCULLIS_DB_URL}; {@code jdbc:h2:…} or
 * {@code jdbc:postgresql://…}, default an embedded H2 file under {@code .portcullis/state}),
 * {@code portcullis.db.username}, {@code portcullis.db.password} or {@code portcullis.db.password-file},
 * {@code portcullis.db.enabled} (false: record nothing), {@code portcullis.db.retention} (serve prunes older
 * runs, default 400d). {@link #toString()} never shows the password.
 */
public record DbSettings(boolean enabled, String url, String username, String password, Duration retention) {
    /** Next to the journal ({@code .portcullis/journal}); AUTO_SERVER lets a second process (serve + a CLI run) share the file. */
    public static final String DEFAULT_URL = h2File(Path.of(".portcullis", "state", "portcullis"));

    public DbSettings {
        url = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        retention = retention == null ? Duration.ofDays(400) : retention;
    }

    /** Recording switched off ({@code portcullis.db.enabled=false}): the state file and this process keep the guard. */
    public static DbSettings off() {
        return new DbSettings(false, null, null, null, null);
    }

    /** The embedded H2 URL of a database file (without the .mv.db suffix), in PostgreSQL mode so the same SQL runs on both. */
    public static String h2File(Path base) {
        String p = base.isAbsolute() ? base.toString() : "./" + base;
        // MAX_COMPACT_TIME=0: H2 would otherwise spend up to 200 ms compacting the file each time a CLI run closes
        // it, on the run's own clock (in a profile of the recording benchmark it was the main thread's largest
        // database cost); the store's background housekeeping compacts while a process (serve) keeps it open
        return "jdbc:h2:file:" + p
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0";
    }

    /** Which back end the URL names; the Quarkus datasource of the same name serves it. */
    public Kind kind() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new StoreException("portcullis.db.url must start with jdbc:h2: or jdbc:postgresql: (it starts with '"
                + url.substring(0, Math.min(url.length(), 16)) + "'); fix PORTCULLIS_DB_URL");
    }

    public enum Kind {
        H2("h2"),
        POSTGRESQL("postgresql");

        private final String datasource;

        Kind(String datasource) {
            this.datasource = datasource;
        }

        /** Name of the Quarkus datasource ({@code quarkus.datasource."NAME".*}) configured for this kind. */
        public String datasource() {
            return datasource;
        }
    }

    /**
     * The current settings. System properties are read first and live (SmallRye may snapshot them when its
     * config is built), so in-process callers such as tests can point a run at another database.
     */
    public static DbSettings current() {
        return from(key -> {
            String sys = System.getProperty(key);
            if (sys != null) {
                return Optional.of(sys);
            }
            try {
                return ConfigProvider.getConfig().getOptionalValue(key, String.class);
            } catch (IllegalStateException noConfig) {
                return Optional.empty();
            }
        });
    }

    /** Settings from any key lookup ({@code portcullis.db.*} keys). */
    public static DbSettings from(Function<String, Optional<String>> config) {
        boolean enabled = config.apply("portcullis.db.enabled")
                .map(v -> !v.trim().equalsIgnoreCase("false"))
                .orElse(true);
        String url = config.apply("portcullis.db.url").orElse(null);
        String user = config.apply("portcullis.db.username").orElse(null);
        String password =
                config.apply("portcullis.db.password").filter(s -> !s.isEmpty()).orElse(null);
        Optional<String> file = config.apply("portcullis.db.password-file").filter(s -> !s.isBlank());
        if (password == null && file.isPresent() && enabled) {
            password = readPasswordFile(Path.of(file.get().trim()));
        }
        Duration retention = config.apply("portcullis.db.retention")
                .map(DbSettings::parseAge)
                .orElse(null);
        return new DbSettings(enabled, url, user, password, retention);
    }

    private static String readPasswordFile(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            // the path is not a secret; the content is never part of a message
            throw new StoreException("portcullis.db.password-file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); check the path and its permissions");
        }
    }

    /** "400d", "12h", "30m", "45s" or an ISO-8601 duration ("P30D"). */
    public static Duration parseAge(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new StoreException("'" + text + "' is not an age such as 7d, 12h, 30m or P30D");
        }
    }

    /** The URL without credentials a user may have put into it (user:password@ or password=…), for messages. */
    public String safeUrl() {
        return url.replaceAll("//[^/@]*@", "//")
                .replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***")
                .replaceAll(";.*$", "");
    }

    @Override
    public String toString() {
        return "DbSettings[enabled=" + enabled + ", url=" + safeUrl() + ", username=" + username + ", retention="
                + retention + "]";
    }
}
