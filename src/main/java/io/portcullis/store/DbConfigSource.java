package io.portcullis.store;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives Quarkus' datasource settings from Portcullis' own keys at run time: the datasource of the kind
 * {@code portcullis.db.url} names ("h2" or "postgresql") is activated with that URL, user and password
 * (or the content of {@code portcullis.db.password-file}), the other one deactivated; with
 * {@code portcullis.db.enabled=false} both are. Users set one URL and never meet {@code quarkus.datasource.*}.
 * Ordinal 275: above application.properties (250), below env and system properties (300, 400), so a
 * {@code QUARKUS_DATASOURCE_…} override still wins. It never throws: a bad URL or unreadable password file is
 * reported by the command that records, in one sentence, not by every command at start.
 */
public final class DbConfigSource implements ConfigSourceFactory {
    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        DbSettings s;
        DbSettings.Kind kind;
        try {
            s = DbSettings.from(key -> value(context.getValue(key)));
            kind = s.enabled() ? s.kind() : null;
        } catch (StoreException e) {
            s = null;
            kind = null;
        }
        Map<String, String> p = new HashMap<>();
        for (DbSettings.Kind k : DbSettings.Kind.values()) {
            String prefix = "quarkus.datasource." + k.datasource() + ".";
            p.put(prefix + "active", Boolean.toString(k == kind));
            if (k == kind) {
                p.put(prefix + "jdbc.url", s.url());
                if (!s.username().isEmpty()) {
                    p.put(prefix + "username", s.username());
                }
                if (!s.password().isEmpty()) {
                    p.put(prefix + "password", s.password());
                }
            }
        }
        return List.of(new PropertiesConfigSource(p, "portcullis-db", 275));
    }

    private static Optional<String> value(ConfigValue v) {
        return v == null || v.getValue() == null ? Optional.empty() : Optional.of(v.getValue());
    }
}
