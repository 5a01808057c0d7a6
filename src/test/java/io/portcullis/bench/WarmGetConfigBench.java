package io.portcullis.bench;

import io.portcullis.lab.LabFleet;
import io.portcullis.lab.LabPlatform;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.NetconfClient;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.RpcReply;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.GetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm-session get-config round trip: one simulated OpenConfig router in this JVM, one open session, N sequential
 * get-config of running after a warm-up. Run through {@code scripts/bench-netconf.sh warm [N]}.
 */
public final class WarmGetConfigBench {
    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        int n = Integer.parseInt(CycleBench.arg(args, "--iterations", "2000"));
        try (LabFleet fleet = LabFleet.builder()
                        .devices(1)
                        .platforms(List.of(LabPlatform.OPENCONFIG))
                        .start();
                NetconfClient client = NetconfClient.create(ClientSettings.defaults())) {
            SimDevice d = fleet.device(0);
            Path kh = Files.createTempFile("bench-warm", ".known_hosts");
            Files.writeString(kh, fleet.knownHosts());
            Endpoint ep = Endpoint.of(
                    "127.0.0.1",
                    d.port(),
                    fleet.username(),
                    Credential.password(fleet.password().toCharArray()),
                    kh);
            try (NetconfSession s = client.connect(ep)) {
                GetConfig rpc = GetConfig.of(Datastore.RUNNING);
                int bytes = 0;
                for (int i = 0; i < Math.max(500, n / 4); i++) {
                    bytes = size(s.execute(rpc));
                }
                List<Double> ms = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    s.execute(rpc);
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
                System.out.println("warm-session get-config round trip against one simulated router (" + s.framing()
                        + " framing, reply data ~" + bytes + " chars)");
                System.out.println(Stats.of(ms).line("get-config running"));
            } finally {
                Files.deleteIfExists(kh);
            }
        }
    }

    private static int size(RpcReply r) {
        return r.data() == null ? 0 : r.data().getTextContent().length();
    }

    private WarmGetConfigBench() {}
}
