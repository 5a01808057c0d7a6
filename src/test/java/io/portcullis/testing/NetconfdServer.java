package io.portcullis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real NETCONF server that {@code scripts/netconfd-lab.sh start} runs (yuma123 netconfd behind sshd on
 * loopback), as the script describes it in {@code .run/netconfd/server.properties}. Tests tagged {@code netconfd} call
 * {@link #require()} and are skipped with a clear message when the server is not running.
 *
 * @param host loopback address sshd listens on
 * @param port SSH port with the netconf subsystem
 * @param username the test user
 * @param passwordFile file holding the generated password (read it only when connecting; never print it)
 * @param privateKey an ed25519 key authorised for the user
 * @param knownHosts OpenSSH known_hosts with the server's {@code [host]:port} entry
 */
public record NetconfdServer(
        String host, int port, String username, Path passwordFile, Path privateKey, Path knownHosts) {

    /** Where the script keeps its state: {@code -Dportcullis.netconfd.state}, env NETCONFD_LAB_STATE, or .run/netconfd. */
    public static Path stateDir() {
        String dir = System.getProperty("portcullis.netconfd.state", System.getenv("NETCONFD_LAB_STATE"));
        return Path.of(dir != null ? dir : ".run/netconfd").toAbsolutePath().normalize();
    }

    /** The running server, or skips the calling test with a message saying how to start it. */
    public static NetconfdServer require() {
        Path props = stateDir().resolve("server.properties");
        Assumptions.assumeTrue(
                Files.isReadable(props),
                () -> "SKIPPED: netconfd is not set up (" + props + " is missing); run scripts/netconfd-lab.sh start");
        NetconfdServer server = load(props);
        Assumptions.assumeTrue(
                server.reachable(),
                () -> "SKIPPED: netconfd is not running on " + server.host + ":" + server.port
                        + "; run scripts/netconfd-lab.sh start");
        return server;
    }

    public static NetconfdServer load(Path props) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + props + ": " + e.getMessage(), e);
        }
        return new NetconfdServer(
                p.getProperty("host", "127.0.0.1"),
                Integer.parseInt(p.getProperty("port")),
                p.getProperty("username"),
                Path.of(p.getProperty("password-file")),
                Path.of(p.getProperty("private-key")),
                Path.of(p.getProperty("known-hosts")));
    }

    /** True when something accepts TCP connections on the port (sshd answers within a second when it is up). */
    public boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The generated password, for the client's credentials only. */
    public char[] password() {
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the netconfd test password file " + passwordFile, e);
        }
    }

    /**
     * The shared OpenConfig example (ACL sets SUB-PROTECT-V4/-V6 bound to Bundle-Ether1.100) with the interfaces it
     * references, as one {@code <config>} element, with the ACL sets renamed to {@code prefix-V4}/{@code prefix-V6}
     * so that tests never step on each other's data.
     */
    public static String openConfigPayload(String prefix) {
        try {
            String acl = Files.readString(SharedDir.require("docs/acl-examples/openconfig-acl.config.xml"));
            String ifs = Files.readString(SharedDir.require("docs/acl-examples/openconfig-context-interfaces.xml"));
            int open = acl.indexOf('>', acl.indexOf("<config")) + 1;
            return (acl.substring(0, open) + ifs + acl.substring(open)).replace("SUB-PROTECT", prefix);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shared OpenConfig example", e);
        }
    }

    /** A fresh ACL-name prefix for one test (owned by Portcullis, so the platform readers pick it up). */
    public static String uniquePrefix(String what) {
        return "PORTCULLIS-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An edit that removes the two ACL sets (and their bindings) a test created with {@code prefix}. */
    public static String removalPayload(String prefix) {
        StringBuilder sb = new StringBuilder("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                + "<acl xmlns=\"http://openconfig.net/yang/acl\" xmlns:oc-acl=\"http://openconfig.net/yang/acl\""
                + " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><acl-sets>");
        for (String v : new String[] {"V4", "V6"}) {
            sb.append("<acl-set nc:operation=\"remove\"><name>")
                    .append(prefix)
                    .append('-')
                    .append(v)
                    .append("</name><type>oc-acl:ACL_IP")
                    .append(v)
                    .append("</type></acl-set>");
        }
        sb.append("</acl-sets><interfaces><interface><id>Bundle-Ether1.100</id><egress-acl-sets>");
        for (String v : new String[] {"V4", "V6"}) {
            sb.append("<egress-acl-set nc:operation=\"remove\"><set-name>")
                    .append(prefix)
                    .append('-')
                    .append(v)
                    .append("</set-name><type>oc-acl:ACL_IP")
                    .append(v)
                    .append("</type></egress-acl-set>");
        }
        return sb.append("</egress-acl-sets></interface></interfaces></acl></config>")
                .toString();
    }
}
