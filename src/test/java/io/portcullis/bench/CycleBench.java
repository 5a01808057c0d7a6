package io.portcullis.bench;

import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.NetconfClient;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.RpcReply;
import io.portcullis.netconf.rpc.Commit;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.EditConfig;
import io.portcullis.netconf.rpc.GetConfig;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.testing.NetconfdServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-router cycle against the real netconfd (scripts/netconfd-lab.sh): connect + hello, lock, edit-config, commit,
 * unlock, get-config, close — ours and ncclient in the same run, interleaved in two halves so machine load hits
 * both alike. Every cycle changes one description, so every commit really changes running, and checks read-back.
 * Run through {@code scripts/bench-netconf.sh cycle [N]}.
 */
public final class CycleBench {
    private static final String MARKER = "inbound-to-subscriber protection";

    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        Path state = Path.of(arg(args, "--state", ".run/netconfd"));
        int n = Integer.parseInt(arg(args, "--iterations", "20"));
        String ncclient = arg(args, "--ncclient", "scripts/bench/ncclient_cycle.py");
        NetconfdServer srv = NetconfdServer.load(state.resolve("server.properties"));
        String document = payload(Path.of(System.getProperty("portcullis.shared", "../shared")));
        Path configFile = Files.createTempFile("bench-cycle", ".xml");
        Files.writeString(configFile, document);
        String inner = inner(document);

        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        try (NetconfClient client = NetconfClient.create(ClientSettings.defaults())) {
            Endpoint ep = Endpoint.of(
                    srv.host(), srv.port(), srv.username(), Credential.password(srv.password()), srv.knownHosts());
            for (int i = 0; i < 3; i++) {
                cycle(client, ep, inner, "warmup " + i);
            }
            for (int half = 0; half < 2; half++) {
                for (int i = 0; i < n / 2; i++) {
                    ours.add(cycle(client, ep, inner, "ours " + half + "-" + i));
                }
                theirs.addAll(ncclient(ncclient, srv, configFile, n / 2));
            }
            removeAcls(client, ep);
        } finally {
            Files.deleteIfExists(configFile);
        }
        Stats o = Stats.of(ours);
        Stats t = Stats.of(theirs);
        System.out.println(
                "per-router cycle against yuma123 netconfd (connect, hello, lock, edit-config, commit, unlock, get-config, close)");
        System.out.println(o.line("portcullis (MINA SSHD)"));
        System.out.println(t.line("ncclient 0.6.13"));
        System.out.printf(Locale.ROOT, "ratio of medians: ncclient / ours = %.1fx%n", t.median() / o.median());
    }

    private static double cycle(NetconfClient client, Endpoint ep, String inner, String tag) throws IOException {
        String stamp = "portcullis cycle " + tag + " " + System.nanoTime();
        long t0 = System.nanoTime();
        try (NetconfSession s = client.connect(ep)) {
            s.execute(new Lock(Datastore.CANDIDATE));
            s.execute(EditConfig.of(Datastore.CANDIDATE, inner.replace(MARKER, stamp)));
            s.execute(Commit.commit());
            s.execute(new Unlock(Datastore.CANDIDATE));
            RpcReply r = s.execute(GetConfig.of(Datastore.RUNNING));
            if (r.data() == null || !r.data().getTextContent().contains(stamp)) {
                throw new IllegalStateException("cycle " + tag + ": running does not hold the edit");
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Leaves the shared test server without the benchmark's ACLs, which the netconfd tests would see as foreign. */
    private static void removeAcls(NetconfClient client, Endpoint ep) throws IOException {
        try (NetconfSession s = client.connect(ep)) {
            s.execute(EditConfig.of(
                    Datastore.CANDIDATE,
                    "<acl xmlns=\"http://openconfig.net/yang/acl\""
                            + " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"remove\"/>"));
            s.execute(Commit.commit());
        }
    }

    private static List<Double> ncclient(String script, NetconfdServer srv, Path config, int n) throws Exception {
        Process p = new ProcessBuilder(
                        "/usr/bin/python3",
                        script,
                        "--host",
                        srv.host(),
                        "--port",
                        String.valueOf(srv.port()),
                        "--username",
                        srv.username(),
                        "--password-file",
                        srv.passwordFile().toString(),
                        "--known-hosts",
                        srv.knownHosts().toString(),
                        "--config",
                        config.toString(),
                        "--marker",
                        MARKER,
                        "--iterations",
                        String.valueOf(n))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(
                    "the ncclient benchmark failed (exit " + p.exitValue() + "): " + out.strip());
        }
        Matcher m = Pattern.compile("\"cycles_ms\": \\[([^\\]]*)\\]").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected ncclient benchmark output: " + out.strip());
        }
        List<Double> ms = new ArrayList<>();
        for (String v : m.group(1).split(",")) {
            ms.add(Double.parseDouble(v.trim()));
        }
        return ms;
    }

    static String payload(Path shared) throws IOException {
        Path ex = shared.resolve("docs/acl-examples");
        String acl = Files.readString(ex.resolve("openconfig-acl.config.xml"));
        String ifs = Files.readString(ex.resolve("openconfig-context-interfaces.xml"));
        int open = acl.indexOf('>', acl.indexOf("<config")) + 1;
        return acl.substring(0, open) + ifs + acl.substring(open);
    }

    static String inner(String configDocument) {
        int open = configDocument.indexOf('>', configDocument.indexOf("<config")) + 1;
        return configDocument.substring(open, configDocument.lastIndexOf("</config>"));
    }

    static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private CycleBench() {}
}
