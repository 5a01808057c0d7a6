package io.portcullis.netconf;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capabilities a peer listed in its hello. Protocol capabilities are queried by short name (":candidate",
 * ":confirmed-commit:1.1", ":validate"), a short name without version matching any version; YANG modules are parsed
 * from {@code ?module=...} URIs.
 */
public final class Capabilities {
    public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";
    private static final String CAP_PREFIX = "urn:ietf:params:netconf:capability:";

    private final Set<String> uris;
    private final Map<String, YangModule> modules;

    private Capabilities(Set<String> uris, Map<String, YangModule> modules) {
        this.uris = Collections.unmodifiableSet(uris);
        this.modules = Collections.unmodifiableMap(modules);
    }

    public static Capabilities of(Collection<String> capabilityUris) {
        Set<String> set = new LinkedHashSet<>();
        Map<String, YangModule> modules = new LinkedHashMap<>();
        for (String raw : capabilityUris) {
            String uri = raw.strip();
            if (uri.isEmpty()) {
                continue;
            }
            set.add(uri);
            parseModule(uri).ifPresent(m -> modules.put(m.name(), m));
        }
        return new Capabilities(set, modules);
    }

    public Set<String> uris() {
        return uris;
    }

    public Map<String, YangModule> modules() {
        return modules;
    }

    public Optional<YangModule> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    public boolean supportsBase10() {
        return uris.contains(BASE_1_0);
    }

    public boolean supportsBase11() {
        return uris.contains(BASE_1_1);
    }

    /**
     * Whether a capability is present: a full URI, or a short name like ":candidate" (any version) or
     * ":confirmed-commit:1.1" (that version).
     */
    public boolean has(String capability) {
        if (!capability.startsWith(":")) {
            return uris.stream().anyMatch(u -> u.equals(capability) || u.startsWith(capability + "?"));
        }
        String name = capability.substring(1);
        for (String uri : uris) {
            if (!uri.startsWith(CAP_PREFIX)) {
                continue;
            }
            String rest = uri.substring(CAP_PREFIX.length());
            int q = rest.indexOf('?');
            String nameVersion = q < 0 ? rest : rest.substring(0, q);
            if (nameVersion.equals(name) || nameVersion.startsWith(name + ":")) {
                return true;
            }
        }
        return false;
    }

    /** The advertised version of a protocol capability (":confirmed-commit" → "1.1"), if any (highest wins). */
    public Optional<String> version(String shortName) {
        String name = shortName.startsWith(":") ? shortName.substring(1) : shortName;
        String best = null;
        for (String uri : uris) {
            if (uri.startsWith(CAP_PREFIX + name + ":")) {
                String v = uri.substring((CAP_PREFIX + name + ":").length());
                int q = v.indexOf('?');
                v = q < 0 ? v : v.substring(0, q);
                if (best == null || v.compareTo(best) > 0) {
                    best = v;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A query parameter of a protocol capability URI, e.g. with-defaults "basic-mode". */
    public Optional<String> parameter(String shortName, String parameter) {
        String name = shortName.startsWith(":") ? shortName.substring(1) : shortName;
        for (String uri : uris) {
            int q = uri.indexOf('?');
            if (q > 0 && uri.startsWith(CAP_PREFIX + name + ":")) {
                String value = query(uri.substring(q + 1)).get(parameter);
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<YangModule> parseModule(String uri) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        Map<String, String> params = query(uri.substring(q + 1));
        String module = params.get("module");
        if (module == null || module.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new YangModule(
                module,
                uri.substring(0, q),
                params.get("revision"),
                list(params.get("features")),
                list(params.get("deviations"))));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return uris.toString();
    }
}
