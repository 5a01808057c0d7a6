package io.portcullis.netconf;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.fixture.MemoryTransport;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Run in a JVM with a small heap by {@link SmallHeapTest}: a server streams a 1 GiB reply (64 KiB chunks) to a
 * session with the default settings. Prints the failure class and exits 0 when the session failed cleanly; an
 * OutOfMemoryError exits non-zero.
 */
public final class SmallHeapProbe {
    private SmallHeapProbe() {}

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]);
        byte[] chunk = ("\n#65536\n" + "x".repeat(65536)).getBytes(StandardCharsets.US_ASCII);
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            String head = "<rpc-reply xmlns=\"" + FakeNetconfServer.BASE + "\" message-id=\"" + id + "\"><data>";
            s.sendRaw(("\n#" + head.length() + "\n" + head).getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < total; sent += 65536) {
                try {
                    s.sendRaw(chunk);
                } catch (java.io.IOException closed) {
                    return; // the client gave up: stop streaming
                }
            }
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "probe-timer");
            t.setDaemon(true);
            return t;
        });
        MemoryTransport transport = new MemoryTransport(server);
        NetconfSession session = NetconfSession.establish(
                transport, ClientSettings.defaults().withRpcTimeout(Duration.ofSeconds(60)), timer);
        try {
            session.execute(NetconfRpc.raw("get", "<get/>"));
            System.out.println("UNEXPECTED-SUCCESS");
            System.exit(3);
        } catch (NetconfException e) {
            System.out.println("FAILED-CLEANLY " + e.failure() + " " + e.getMessage());
        }
        System.out.println("cap=" + ClientSettings.defaults().maxMessageBytes() + " maxHeap="
                + Runtime.getRuntime().maxMemory());
        System.exit(0);
    }
}
