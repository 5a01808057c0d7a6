package io.portcullis.inventory;

import io.portcullis.platform.registry.Platforms;
import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.SourceNode;
import io.portcullis.policy.SourceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the Nornir-style inventory of design.md section 5: {@code hosts.yaml} (required),
 * {@code groups.yaml} and {@code defaults.yaml} (optional). A host's value for a key comes from the
 * host itself, else from its groups (a later listed group overrides an earlier one), else from
 * defaults. Every problem becomes a {@link Diagnostic}; a literal password is refused without ever
 * echoing it.
 */
public final class InventoryLoader {
    public static final String HOSTS = "hosts.yaml";
    public static final String GROUPS = "groups.yaml";
    public static final String DEFAULTS = "defaults.yaml";
    public static final int DEFAULT_PORT = 830;

    /** A key's value and where it was written (for messages and relative paths). */
    record Located(String file, SourceNode.Field field) {
        int line() {
            return field.line();
        }

        SourceNode value() {
            return field.value();
        }
    }

    private final Path dir;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private InventoryLoader(Path dir) {
        this.dir = dir;
    }

    public static Inventory load(Path directory) {
        return new InventoryLoader(directory).load();
    }

    private Inventory load() {
        if (!Files.isDirectory(dir)) {
            diagnostics.add(Diagnostic.error(
                    dir.toString(),
                    0,
                    null,
                    "inventory directory does not exist; pass --inventory DIR" + " with a " + HOSTS));
            return new Inventory(dir, List.of(), List.of(), Map.of(), diagnostics);
        }
        Path hostsPath = dir.resolve(HOSTS);
        if (!Files.isRegularFile(hostsPath)) {
            diagnostics.add(Diagnostic.error(
                    hostsPath.toString(),
                    0,
                    null,
                    "the inventory has no " + HOSTS + "; create it with one entry per router"));
            return new Inventory(dir, List.of(), List.of(), Map.of(), diagnostics);
        }
        SourceNode hosts = parse(hostsPath);
        SourceNode groups = Files.isRegularFile(dir.resolve(GROUPS)) ? parse(dir.resolve(GROUPS)) : null;
        SourceNode defaults = Files.isRegularFile(dir.resolve(DEFAULTS)) ? parse(dir.resolve(DEFAULTS)) : null;

        Map<String, Located> defaultKeys = keys(defaults, file(DEFAULTS), "", false);
        Map<String, Map<String, Located>> groupKeys = new LinkedHashMap<>();
        if (groups != null && groups.isObject()) {
            for (SourceNode.Field g : groups.fields()) {
                groupKeys.put(g.name(), keys(g.value(), file(GROUPS), "/" + g.name(), false));
            }
        } else if (groups != null) {
            mappingExpected(file(GROUPS), groups, "", "group names");
        }

        List<Device> devices = new ArrayList<>();
        Map<String, Integer> hostLines = new LinkedHashMap<>();
        if (hosts != null && hosts.isObject()) {
            for (SourceNode.Field h : hosts.fields()) {
                hostLines.put(h.name(), h.line());
                Device d = new DeviceBuilder(h, this, defaultKeys, groupKeys).build();
                if (d != null) {
                    devices.add(d);
                }
            }
        } else if (hosts != null) {
            mappingExpected(file(HOSTS), hosts, "", "host names");
        }
        if (hosts != null && devices.isEmpty() && hostLines.isEmpty()) {
            diagnostics.add(
                    Diagnostic.error(file(HOSTS), 0, null, "the inventory defines no device; add at least one host"));
        }
        return new Inventory(dir, devices, List.copyOf(groupKeys.keySet()), hostLines, diagnostics);
    }

    String file(String name) {
        return dir.resolve(name).toString();
    }

    Path resolve(String value) {
        return dir.resolve(value).normalize();
    }

    void error(String file, int line, String path, String message) {
        diagnostics.add(Diagnostic.error(file, line, path, message));
    }

    void warning(String file, int line, String path, String message) {
        diagnostics.add(Diagnostic.warning(file, line, path, message));
    }

    private SourceNode parse(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            return SourceParser.yaml(text);
        } catch (SourceParser.SyntaxError e) {
            error(p.toString(), e.line(), null, e.getMessage());
        } catch (IOException e) {
            error(p.toString(), 0, null, "cannot be read (" + e.getClass().getSimpleName() + "); check permissions");
        }
        return null;
    }

    private void mappingExpected(String file, SourceNode node, String path, String what) {
        error(
                file,
                node.line(),
                path.isEmpty() ? "/" : path,
                "expected a mapping of " + what + " but found " + node.describe());
    }

    /**
     * The keys of one entity (defaults, a group or a host) with their locations. Refuses a literal
     * password here, once, for all three files.
     */
    Map<String, Located> keys(SourceNode node, String file, String path, boolean isHost) {
        Map<String, Located> out = new LinkedHashMap<>();
        if (node == null || (node.isScalar() && node.text() == null)) {
            return out;
        }
        if (!node.isObject()) {
            mappingExpected(file, node, path, "settings");
            return out;
        }
        for (SourceNode.Field f : node.fields()) {
            if (f.name().equals("password")) {
                // never echo the value: it is a secret that should not be there at all
                error(
                        file,
                        f.line(),
                        path + "/password",
                        "a literal password is not allowed in the inventory;"
                                + " remove it and use password-env (an environment variable name) or password-file");
                continue;
            }
            if (f.name().equals("groups") && !isHost) {
                error(
                        file,
                        f.line(),
                        path + "/groups",
                        "groups can only be listed on hosts (groups do not nest); move the key to the hosts");
                continue;
            }
            if (!InventoryKeys.known(f.name())) {
                // a typo in a security setting must never be silently kept as "some other setting"
                error(
                        file,
                        f.line(),
                        path + "/" + f.name(),
                        "unknown key '" + f.name() + "'"
                                + InventoryKeys.closest(f.name())
                                        .map(c -> "; did you mean '" + c + "'?")
                                        .orElse("")
                                + " (free-form values go under data:)");
                continue;
            }
            if (f.name().equals(InventoryKeys.DATA)
                    && !(f.value().isObject()
                            || f.value().isScalar() && f.value().text() == null)) {
                mappingExpected(file, f.value(), path + "/data", "free-form keys");
                continue;
            }
            out.put(f.name(), new Located(file, f));
        }
        return out;
    }

    static String platformsList() {
        return String.join(", ", Platforms.ids());
    }

    static boolean knownPlatform(String id) {
        return Platforms.ids().contains(id);
    }
}
