package io.portcullis.netconf;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.fixture.TestSshServer;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.Filter;
import io.portcullis.netconf.rpc.GetConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Benchmark, not a test (tag "bench", excluded by default): warm-session get-config round trip and session setup over
 * real SSH (MINA on both ends, loopback, one JVM). Run:
 * {@code mvn -o test -Dgroups=bench -DexcludedGroups= -Dtest=NetconfRoundTripBench}
 */
@Tag("bench")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NetconfRoundTripBench extends SshTestSupport {
    private static final String DATA =
            "<data><acls xmlns=\"urn:ietf:params:xml:ns:yang:ietf-access-control-list\"><acl><name>SUBS-V4"
                    + "</name><type>ipv4-acl-type</type></acl></acls></data>";

    @Test
    void warmGetConfigRoundTripAndSessionSetup() throws Exception {
        server = TestSshServer.start(PASSWORD, () -> FakeNetconfServer.base11().script((s, id, op) -> {
            if ("get-config".equals(op.getLocalName())) {
                s.reply(id, DATA);
            } else {
                s.reply(id, "<ok/>");
            }
        }));
        client = NetconfClient.create(ClientSettings.defaults());
        Endpoint e = endpoint(knownHosts());
        GetConfig rpc = new GetConfig(
                Datastore.RUNNING,
                Filter.subtree("<acls xmlns=\"urn:ietf:params:xml:ns:yang:ietf-access-control-list\"/>"));
        try (NetconfSession s = client.connect(e)) {
            for (int i = 0; i < 2000; i++) {
                s.execute(rpc);
            }
            long[] ns = new long[5000];
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                s.execute(rpc, Duration.ofSeconds(10));
                ns[i] = System.nanoTime() - t;
            }
            report("warm get-config round trip", ns);
        }
        long[] setup = new long[100];
        for (int i = 0; i < setup.length; i++) {
            long t = System.nanoTime();
            try (NetconfSession s = client.connect(e)) {
                setup[i] = System.nanoTime() - t;
            }
        }
        report("session setup (TCP+SSH+auth+hello)", setup);
    }

    private static void report(String what, long[] ns) {
        Arrays.sort(ns);
        System.out.printf(
                "BENCH %s: n=%d median=%.3f ms p90=%.3f ms p99=%.3f ms%n",
                what,
                ns.length,
                ns[ns.length / 2] / 1e6,
                ns[(int) (ns.length * 0.9)] / 1e6,
                ns[(int) (ns.length * 0.99)] / 1e6);
    }
}
