package io.portcullis.lab;

import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.lab.server.LabServer;
import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * N simulated routers of mixed platforms on loopback, in this JVM (see package-info for an example).
 * Device i gets platform {@code platforms[i % size]}, port {@code portBase + i} (or an ephemeral port
 * when portBase is 0), its own host key, datastores and RPC log.
 */
public final class LabFleet implements AutoCloseable {
    public static final String DEFAULT_USERNAME = "lab";
    public static final String DEFAULT_PASSWORD_ENV = "PORTCULLIS_LAB_PASSWORD";

    private final LabServer server;
    private final Map<String, SimDevice> devices;
    private final Map<String, LabPlatform> platformOf;
    private final String username;
    private final String password;

    private LabFleet(
            LabServer server,
            Map<String, SimDevice> devices,
            Map<String, LabPlatform> platformOf,
            String username,
            String password) {
        this.server = server;
        this.devices = devices;
        this.platformOf = platformOf;
        this.username = username;
        this.password = password;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fleet settings; every setter is optional. */
    public static final class Builder {
        private int count = 6;
        private List<LabPlatform> platforms = List.of(LabPlatform.values());
        private int portBase;
        private String username = DEFAULT_USERNAME;
        private String password;
        private String namePrefix = "lab";
        private final List<PublicKey> authorizedKeys = new ArrayList<>();
        private Consumer<SimDevice> customizer = d -> {};

        public Builder devices(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a fleet needs at least one device");
            }
            count = n;
            return this;
        }

        /** Platforms used round-robin, e.g. {@code "junos,iosxr"}. */
        public Builder platforms(String commaSeparated) {
            List<LabPlatform> list = new ArrayList<>();
            for (String p : commaSeparated.split(",")) {
                if (!p.isBlank()) {
                    list.add(LabPlatform.of(p));
                }
            }
            return platforms(list);
        }

        public Builder platforms(List<LabPlatform> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no platform given");
            }
            platforms = List.copyOf(list);
            return this;
        }

        /** First port (device i listens on portBase + i); 0 (the default) gives every device an ephemeral port. */
        public Builder portBase(int p) {
            portBase = p;
            return this;
        }

        public Builder username(String u) {
            username = u;
            return this;
        }

        /** The password every device accepts; default: a random one (see {@link LabFleet#password()}). */
        public Builder password(String p) {
            password = p;
            return this;
        }

        /** Device names are {@code <prefix>-<platform>-<nnn>}. */
        public Builder namePrefix(String p) {
            namePrefix = p;
            return this;
        }

        public Builder authorizedKey(PublicKey key) {
            authorizedKeys.add(key);
            return this;
        }

        /** Called for each device before it starts serving (profile changes, faults, extra config). */
        public Builder customize(Consumer<SimDevice> c) {
            customizer = c;
            return this;
        }

        public LabFleet start() throws IOException {
            String pw = password != null ? password : randomPassword();
            LabServer server = new LabServer(username, pw);
            authorizedKeys.forEach(server::authorize);
            Map<String, SimDevice> devices = new LinkedHashMap<>();
            Map<String, LabPlatform> platformOf = new LinkedHashMap<>();
            Map<LabPlatform, SimDatastore> templates = new java.util.EnumMap<>(LabPlatform.class);
            int width = Math.max(3, String.valueOf(count).length());
            // host keys dominate start-up CPU (about 2.5 ms each): make them on every core
            java.security.KeyPair[] keys = java.util.stream.IntStream.range(0, count)
                    .parallel()
                    .mapToObj(i -> LabServer.newHostKey())
                    .toArray(java.security.KeyPair[]::new);
            try {
                for (int i = 0; i < count; i++) {
                    LabPlatform p = platforms.get(i % platforms.size());
                    String name = namePrefix + "-" + p.id() + "-" + String.format("%0" + width + "d", i + 1);
                    SimDevice d = new SimDevice(
                            name,
                            p.id(),
                            p.profile(),
                            initialRunning(templates.computeIfAbsent(p, x -> initialRunning(x, NAME_MARKER)), name),
                            keys[i],
                            server.scheduler());
                    customizer.accept(d);
                    server.serve(d, portBase == 0 ? 0 : portBase + i);
                    devices.put(name, d);
                    platformOf.put(name, p);
                }
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            return new LabFleet(server, devices, platformOf, username, pw);
        }
    }

    private static final String NAME_MARKER = "@@DEVICE-NAME@@";

    /** A copy of the platform template with the device's name filled in: parsing once per platform keeps big fleets fast. */
    private static SimDatastore initialRunning(SimDatastore template, String name) {
        SimDatastore d = template.copy();
        d.replaceInText(NAME_MARKER, name);
        return d;
    }

    static SimDatastore initialRunning(LabPlatform p, String name) {
        try {
            return SimDatastore.of(SecureXml.parse(p.initialConfig(name).getBytes(StandardCharsets.UTF_8))
                    .getDocumentElement());
        } catch (XmlParseException e) {
            throw new IllegalStateException("built-in initial config of " + p.id() + " is broken", e);
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public List<SimDevice> devices() {
        return List.copyOf(devices.values());
    }

    public SimDevice device(String name) {
        SimDevice d = devices.get(name);
        if (d == null) {
            throw new NoSuchElementException("no lab device named " + name);
        }
        return d;
    }

    /** The i-th device (0-based, in start order). */
    public SimDevice device(int index) {
        return devices().get(index);
    }

    public LabPlatform platformOf(SimDevice d) {
        return platformOf.get(d.name());
    }

    public int size() {
        return devices.size();
    }

    public String username() {
        return username;
    }

    /** The password all devices accept. Keep it out of logs; inventories reference it through an env var. */
    public String password() {
        return password;
    }

    public LabServer server() {
        return server;
    }

    /** Lowest and highest port in use. */
    public int firstPort() {
        return devices.values().stream().mapToInt(SimDevice::port).min().orElse(0);
    }

    public int lastPort() {
        return devices.values().stream().mapToInt(SimDevice::port).max().orElse(0);
    }

    /** Writes hosts.yaml, groups.yaml, defaults.yaml and known_hosts for this fleet into {@code dir}. */
    public void writeInventory(Path dir, String passwordEnv) throws IOException {
        new InventoryWriter(this).write(dir, passwordEnv);
    }

    /** The known_hosts lines ({@code [127.0.0.1]:port key}) of every device, current host keys. */
    public String knownHosts() {
        return InventoryWriter.knownHosts(devices());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
