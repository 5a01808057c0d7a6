package io.portcullis.bench;

import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.Failure;
import io.portcullis.netconf.NetconfClient;
import io.portcullis.netconf.NetconfException;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.rpc.CloseSession;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.EditConfig;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.NetconfRpc;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.testing.NetconfdServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lost-reply reproduction (issue 13 item 2): N back-to-back sessions against the real netconfd — connect + hello,
 * lock candidate, edit-config, unlock, close-session — counting per RPC how many were sent, answered and lost (no
 * reply within the short deadline). A lost reply does not stop the run: the session is dropped and the next cycle
 * starts, so one run gives a rate, not just "the first loss". Each loss prints the netconfd session id and the time,
 * to find it in netconfd.log / sshd.log. scripts/bench/ncclient_lost_replies.py is the same loop with ncclient.
 * Run through {@code scripts/bench-netconf.sh lost [N]}.
 */
public final class LostReplyHarness {
    private static final String[] OPS = {"hello", "lock", "edit-config", "unlock", "close-session"};

    public static void main(String[] args) throws Exception {
        BenchLogging.likeTheProduct();
        Path state = Path.of(CycleBench.arg(args, "--state", ".run/netconfd"));
        int n = Integer.parseInt(CycleBench.arg(args, "--iterations", "200"));
        Duration deadline = Duration.ofSeconds(Long.parseLong(CycleBench.arg(args, "--rpc-timeout-s", "10")));
        long budgetNanos = Long.parseLong(CycleBench.arg(args, "--max-seconds", "0")) * 1_000_000_000L; // 0 = none
        NetconfdServer srv = NetconfdServer.load(state.resolve("server.properties"));
        Map<String, int[]> counts = new LinkedHashMap<>(); // op -> {sent, answered, lost, other failures}
        for (String op : OPS) {
            counts.put(op, new int[4]);
        }
        ClientSettings settings =
                ClientSettings.defaults().withRpcTimeout(deadline).withCloseTimeout(deadline);
        long t0 = System.nanoTime();
        int lostCycles = 0;
        int[] nudged = new int[1];
        try (NetconfClient client = NetconfClient.create(settings)) {
            Endpoint ep = Endpoint.of(
                    srv.host(), srv.port(), srv.username(), Credential.password(srv.password()), srv.knownHosts());
            for (int i = 0; i < n; i++) {
                if (budgetNanos > 0 && System.nanoTime() - t0 > budgetNanos) {
                    System.out.printf("time budget used up after %d of %d cycles%n", i, n);
                    n = i;
                    break;
                }
                if (!cycle(client, ep, i, counts, nudged)) {
                    lostCycles++;
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "portcullis: %d cycles in %.1f s (%.1f ms/cycle), %d with a lost reply,"
                        + " %d first RPCs answered only after the nudge%n",
                n,
                secs,
                secs * 1000 / n,
                lostCycles,
                nudged[0]);
        counts.forEach((op, c) -> System.out.printf(
                Locale.ROOT, "  %-14s sent %6d  answered %6d  lost %4d  failed %4d%n", op, c[0], c[1], c[2], c[3]));
        System.out.println("{\"client\":\"portcullis\",\"cycles\":" + n + ",\"lost\":" + lostCycles + ",\"nudged\":"
                + nudged[0] + "}");
    }

    /** One cycle; false when a reply was lost (the session is then aborted, as apply would do). */
    private static boolean cycle(NetconfClient client, Endpoint ep, int i, Map<String, int[]> counts, int[] nudged) {
        counts.get("hello")[0]++;
        NetconfSession s;
        try {
            s = client.connect(ep);
        } catch (NetconfException e) {
            boolean lost = e.failure() == Failure.HELLO_FAILED;
            counts.get("hello")[lost ? 2 : 3]++;
            System.out.printf("cycle %d: connect/hello failed at %s: %s%n", i, Instant.now(), e.getMessage());
            return false;
        }
        counts.get("hello")[1]++;
        String edit =
                "<acl xmlns=\"http://openconfig.net/yang/acl\" xmlns:oc-acl=\"http://openconfig.net/yang/acl\"><acl-sets><acl-set><name>lost-reply-"
                        + i
                        + "</name><type>oc-acl:ACL_IPV4</type><config><name>lost-reply-" + i
                        + "</name><type>oc-acl:ACL_IPV4</type>"
                        + "</config></acl-set></acl-sets></acl>";
        NetconfRpc[] rpcs = {
            new Lock(Datastore.CANDIDATE),
            EditConfig.of(Datastore.CANDIDATE, edit),
            new Unlock(Datastore.CANDIDATE),
            new CloseSession()
        };
        for (NetconfRpc rpc : rpcs) {
            String op = rpc.name();
            counts.get(op)[0]++;
            try {
                s.execute(rpc);
                counts.get(op)[1]++;
            } catch (NetconfException e) {
                boolean lost = e.failure() == Failure.RPC_TIMEOUT;
                counts.get(op)[lost ? 2 : 3]++;
                System.out.printf(
                        "cycle %d: %s on netconfd session %d %s at %s: %s%n",
                        i, op, s.sessionId(), lost ? "LOST" : "failed", Instant.now(), e.getMessage());
                s.abort();
                return !lost;
            }
        }
        if (s.firstRpcNudged()) {
            nudged[0]++;
            System.out.printf(
                    "cycle %d: lock on netconfd session %d needed the first-RPC nudge at %s%n",
                    i, s.sessionId(), Instant.now());
        }
        s.close(); // close-session was answered: this only drops the transport
        return true;
    }

    private LostReplyHarness() {}
}
