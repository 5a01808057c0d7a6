package io.portcullis.inventory;

import io.portcullis.inventory.InventoryLoader.Located;
import io.portcullis.policy.SourceNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds one {@link Device} from a hosts.yaml entry after defaults and groups are merged in. */
final class DeviceBuilder {
    private final SourceNode.Field host;
    private final InventoryLoader loader;
    private final Map<String, Located> defaults;
    private final Map<String, Map<String, Located>> groups;
    private boolean failed;

    DeviceBuilder(
            SourceNode.Field host,
            InventoryLoader loader,
            Map<String, Located> defaults,
            Map<String, Map<String, Located>> groups) {
        this.host = host;
        this.loader = loader;
        this.defaults = defaults;
        this.groups = groups;
    }

    Device build() {
        String name = host.name();
        String hostsFile = loader.file(InventoryLoader.HOSTS);
        Map<String, Located> own = loader.keys(host.value(), hostsFile, "/" + name, true);

        List<String> groupNames = new ArrayList<>();
        Located groupsKey = own.get("groups");
        if (groupsKey != null) {
            for (String g : strings(groupsKey, "/" + name + "/groups")) {
                if (!groups.containsKey(g)) {
                    fail(
                            groupsKey,
                            "/" + name + "/groups",
                            "host '" + name + "' is in group '" + g + "', which " + InventoryLoader.GROUPS
                                    + " does not define; add the group or fix the name");
                } else {
                    groupNames.add(g);
                }
            }
        }
        // defaults < groups (listed order, later wins) < host
        Map<String, Located> merged = new LinkedHashMap<>(defaults);
        for (String g : groupNames) {
            merged.putAll(groups.get(g));
        }
        merged.putAll(own);
        merged.remove("groups");

        String nameProblem = HostNames.routerNameProblem(name);
        if (nameProblem != null) {
            // the name reaches file names (journal, reports), CI logs and terminals: refuse it, quoted safely
            fail(hostsFile, host.line(), "/", "host name " + HostNames.quote(name) + " " + nameProblem);
            return null;
        }
        String hostname = text(merged.get("hostname"), name, "hostname");
        if (hostname == null || hostname.isBlank()) {
            fail(
                    hostsFile,
                    host.line(),
                    "/" + name,
                    "host '" + name + "' has no hostname; add hostname: ADDRESS-OR-NAME");
        } else {
            String problem = HostNames.hostnameProblem(hostname);
            if (problem != null) {
                fail(
                        merged.get("hostname"),
                        "/" + name + "/hostname",
                        "hostname " + HostNames.quote(hostname) + " of host '" + name + "' " + problem);
            }
        }
        int port = port(merged.get("port"), name);
        String platform = text(merged.get("platform"), name, "platform");
        if (platform == null) {
            fail(
                    hostsFile,
                    host.line(),
                    "/" + name,
                    "host '" + name + "' has no platform; add platform: one of " + InventoryLoader.platformsList());
        } else if (!InventoryLoader.knownPlatform(platform)) {
            Located p = merged.get("platform");
            fail(
                    p,
                    "/" + name + "/platform",
                    "host '" + name + "' has unknown platform '" + platform + "'; expected one of "
                            + InventoryLoader.platformsList());
        }
        List<String> interfaces = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        attach(merged.get("attach"), name, interfaces, profiles);
        if (interfaces.isEmpty() && profiles.isEmpty() && !failed) {
            loader.warning(
                    hostsFile,
                    host.line(),
                    "/" + name + "/attach",
                    "host '" + name + "' has no attach points"
                            + " (attach: interfaces/profiles), so no filter is bound on it");
        }
        String username = text(merged.get("username"), name, "username");
        String passwordEnv = text(merged.get("password-env"), name, "password-env");
        Path passwordFile = path(merged.get("password-file"), name, "password-file");
        if (passwordEnv != null && passwordFile != null) {
            fail(
                    merged.get("password-file"),
                    "/" + name + "/password-file",
                    "host '" + name + "' has both password-env and password-file; keep one");
        }
        Path privateKey = path(merged.get("private-key"), name, "private-key");
        Path knownHosts = path(merged.get("known-hosts"), name, "known-hosts");
        HostKeyChecking checking = hostKeyChecking(merged.get("host-key-checking"), name);
        boolean chainForeign = bool(merged.get("chain-foreign"), name, "chain-foreign");
        Located algs = merged.get("ssh-algorithm-exceptions");
        List<String> algorithmExceptions =
                algs == null ? List.of() : strings(algs, "/" + name + "/ssh-algorithm-exceptions");

        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, Located> e : merged.entrySet()) {
            DeviceSetting setting = DeviceSetting.byKey(e.getKey());
            if (setting != null) {
                String[] problem = new String[1];
                String value = setting.check(text(e.getValue(), name, e.getKey()), problem);
                if (value == null) {
                    fail(
                            e.getValue(),
                            "/" + name + "/" + e.getKey(),
                            e.getKey() + " of host '" + name + "' is '"
                                    + settingText(e.getValue().value()) + "'; " + problem[0]);
                } else {
                    settings.put(setting.key(), value);
                }
            }
        }
        data(groupNames, own).forEach((k, v) -> settings.put(Device.DATA_PREFIX + k, v));
        if (failed) {
            return null;
        }
        return new Device(
                name,
                hostname,
                port,
                platform,
                groupNames,
                interfaces,
                profiles,
                new Credentials(username, passwordEnv, passwordFile, privateKey),
                knownHosts,
                checking,
                chainForeign,
                algorithmExceptions,
                settings);
    }

    /** data: merged key by key, defaults < groups (listed order) < host, as Nornir does. */
    private Map<String, String> data(List<String> groupNames, Map<String, Located> own) {
        Map<String, String> out = new TreeMap<>();
        List<Located> layers = new ArrayList<>();
        layers.add(defaults.get(InventoryKeys.DATA));
        groupNames.forEach(g -> layers.add(groups.get(g).get(InventoryKeys.DATA)));
        layers.add(own.get(InventoryKeys.DATA));
        for (Located layer : layers) {
            if (layer != null && layer.value().isObject()) {
                layer.value().fields().forEach(f -> out.put(f.name(), settingText(f.value())));
            }
        }
        return out;
    }

    private void fail(Located where, String path, String message) {
        fail(where.file(), where.line(), path, message);
    }

    private void fail(String file, int line, String path, String message) {
        failed = true;
        loader.error(file, line, path, message);
    }

    private String text(Located l, String host, String key) {
        if (l == null || l.value().text() == null && l.value().isScalar()) {
            return null;
        }
        if (!l.value().isScalar()) {
            fail(
                    l,
                    "/" + host + "/" + key,
                    key + " of host '" + host + "' must be a single value, not "
                            + l.value().describe());
            return null;
        }
        return l.value().text();
    }

    private int port(Located l, String host) {
        String t = text(l, host, "port");
        if (t == null) {
            return InventoryLoader.DEFAULT_PORT;
        }
        if (t.trim().matches("0+[0-9]+")) {
            // decimal like every number Portcullis reads; a leading zero is refused as in the policy, never read as
            // octal
            fail(
                    l,
                    "/" + host + "/port",
                    "port of host '" + host + "' is '" + t + "', with a leading zero; write "
                            + t.trim().replaceFirst("^0+", "") + " (numbers are decimal)");
            return InventoryLoader.DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(t.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail(
                l,
                "/" + host + "/port",
                "port of host '" + host + "' is '" + t + "'; expected a TCP port 1..65535 (NETCONF is 830)");
        return InventoryLoader.DEFAULT_PORT;
    }

    private boolean bool(Located l, String host, String key) {
        String t = text(l, host, key);
        if (t == null) {
            return false;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        fail(l, "/" + host + "/" + key, key + " of host '" + host + "' is '" + t + "'; expected true or false");
        return false;
    }

    private Path path(Located l, String host, String key) {
        String t = text(l, host, key);
        return t == null || t.isBlank() ? null : loader.resolve(t);
    }

    private HostKeyChecking hostKeyChecking(Located l, String host) {
        String t = text(l, host, "host-key-checking");
        if (t == null) {
            return HostKeyChecking.STRICT;
        }
        try {
            HostKeyChecking h = HostKeyChecking.parse(t);
            if (h == HostKeyChecking.OFF) {
                loader.warning(
                        l.file(),
                        l.line(),
                        "/" + host + "/host-key-checking",
                        "host-key-checking is off for '" + host
                                + "': anyone on the path can impersonate it; use this only in a lab");
            }
            return h;
        } catch (IllegalArgumentException e) {
            fail(
                    l,
                    "/" + host + "/host-key-checking",
                    "host-key-checking of host '" + host + "' is '" + t + "'; expected strict, accept-new or off");
            return HostKeyChecking.STRICT;
        }
    }

    private void attach(Located l, String host, List<String> interfaces, List<String> profiles) {
        if (l == null || l.value().isScalar() && l.value().text() == null) {
            return;
        }
        String path = "/" + host + "/attach";
        if (!l.value().isObject()) {
            fail(l, path, "attach of host '" + host + "' must be a mapping with interfaces and/or profiles");
            return;
        }
        for (SourceNode.Field f : l.value().fields()) {
            Located sub = new Located(l.file(), f);
            switch (f.name()) {
                case "interfaces" -> interfaces.addAll(strings(sub, path + "/interfaces"));
                case "profiles" -> profiles.addAll(strings(sub, path + "/profiles"));
                default ->
                    fail(
                            sub,
                            path + "/" + f.name(),
                            "attach of host '" + host + "' has unknown key '" + f.name()
                                    + "'; expected interfaces or profiles");
            }
        }
    }

    /** A list of strings; a single scalar is accepted as a list of one. */
    private List<String> strings(Located l, String path) {
        SourceNode v = l.value();
        List<String> out = new ArrayList<>();
        if (v.isScalar()) {
            if (v.text() != null) {
                out.add(v.text());
            }
            return out;
        }
        if (v.isArray()) {
            for (SourceNode item : v.items()) {
                if (item.isScalar() && item.text() != null) {
                    out.add(item.text());
                } else {
                    fail(l.file(), item.line(), path, "expected a list of names but found " + item.describe());
                }
            }
            return out;
        }
        fail(l, path, "expected a list of names but found " + v.describe());
        return out;
    }

    private static String settingText(SourceNode v) {
        if (v.isScalar()) {
            return v.text() == null ? "" : v.text();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.items().forEach(i -> parts.add(settingText(i)));
            return String.join(",", parts);
        }
        List<String> parts = new ArrayList<>();
        v.fields().forEach(f -> parts.add(f.name() + "=" + settingText(f.value())));
        return String.join(",", parts);
    }
}
