package io.portcullis.lab;

import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.framing.FrameDecoder;
import io.portcullis.netconf.framing.FrameEncoder;
import io.portcullis.netconf.framing.Framing;
import io.portcullis.netconf.framing.FramingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A deliberately small raw NETCONF client for the simulator's tests: MINA SSH, the device's pinned host key,
 * the team's framing codec, one message queue. Replies and notifications are returned as text so tests
 * can also see broken ones; framing errors surface as a "FRAMING: …" message.
 */
final class TestClient implements AutoCloseable {
    static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final Pattern SESSION_ID = Pattern.compile("<session-id>(\\d+)</session-id>");

    private final SshClient client;
    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
    private final AtomicInteger messageId = new AtomicInteger(100);
    private volatile Framing framing = Framing.END_OF_MESSAGE;
    private final FrameDecoder decoder;
    final String serverHello;
    final int sessionId;

    private TestClient(SimDevice d, String user, String password, boolean base11, boolean sendHello)
            throws IOException {
        this(d.port(), d.hostKey().getPublic(), user, password, base11, sendHello);
    }

    private TestClient(
            int port, java.security.PublicKey pinned, String user, String password, boolean base11, boolean sendHello)
            throws IOException {
        this(null, port, pinned, user, password, base11, sendHello);
    }

    private final boolean ownClient;

    private TestClient(
            SshClient shared,
            int port,
            java.security.PublicKey pinned,
            String user,
            String password,
            boolean base11,
            boolean sendHello)
            throws IOException {
        ownClient = shared == null;
        if (shared == null) {
            client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(new RequiredServerKeyVerifier(pinned));
            client.start();
        } else {
            client = shared;
        }
        decoder = new FrameDecoder(64 << 20, bytes -> {
            String m = new String(bytes, StandardCharsets.UTF_8);
            if (m.contains("<notification")) {
                notifications.add(m);
            } else {
                inbox.add(m);
            }
        });
        session = client.connect(user, "127.0.0.1", port)
                .verify(Duration.ofSeconds(10))
                .getSession();
        session.addPasswordIdentity(password);
        session.auth().verify(Duration.ofSeconds(10));
        channel = session.createSubsystemChannel("netconf");
        channel.setOut(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    if (!decoder.failed()) {
                        decoder.feed(b, off, len);
                    }
                } catch (FramingException e) {
                    inbox.add("FRAMING: " + e.getMessage());
                }
            }
        });
        channel.open().verify(Duration.ofSeconds(10));
        String hello = poll(Duration.ofSeconds(5));
        serverHello = hello == null ? "" : hello;
        Matcher m = SESSION_ID.matcher(serverHello);
        sessionId = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (sendHello) {
            String caps = "<capability>urn:ietf:params:netconf:base:1.0</capability>"
                    + (base11 ? "<capability>urn:ietf:params:netconf:base:1.1</capability>" : "");
            writeFramed(
                    "<hello xmlns=\"" + BASE + "\"><capabilities>" + caps + "</capabilities></hello>",
                    Framing.END_OF_MESSAGE);
            if (base11 && serverHello.contains("urn:ietf:params:netconf:base:1.1")) {
                framing = Framing.CHUNKED;
                decoder.setFraming(Framing.CHUNKED);
            }
        }
    }

    static TestClient connect(LabFleet fleet, SimDevice d) throws IOException {
        return new TestClient(d, fleet.username(), fleet.password(), true, true);
    }

    static TestClient connectBase10(LabFleet fleet, SimDevice d) throws IOException {
        return new TestClient(d, fleet.username(), fleet.password(), false, true);
    }

    /** Connects through a shared, started client (whose verifier must check the device's key): for fleets. */
    static TestClient connectShared(SshClient shared, LabFleet fleet, SimDevice d) throws IOException {
        return new TestClient(shared, d.port(), null, fleet.username(), fleet.password(), true, true);
    }

    /** Connects trusting only {@code pinned} as the device's host key. */
    static TestClient connectPinned(int port, java.security.PublicKey pinned, String user, String password)
            throws IOException {
        return new TestClient(port, pinned, user, password, true, true);
    }

    static TestClient connect(SimDevice d, String user, String password) throws IOException {
        return new TestClient(d, user, password, true, true);
    }

    /** Sends {@code <rpc message-id=N>inner</rpc>} and waits for the next reply (5 s). */
    String rpc(String inner) throws IOException {
        return rpc(inner, Duration.ofSeconds(5));
    }

    String rpc(String inner, Duration timeout) throws IOException {
        send(inner);
        return poll(timeout);
    }

    /** Sends an rpc without waiting; returns its message-id. */
    String send(String inner) throws IOException {
        String id = String.valueOf(messageId.incrementAndGet());
        writeFramed("<rpc xmlns=\"" + BASE + "\" message-id=\"" + id + "\">" + inner + "</rpc>", framing);
        return id;
    }

    void writeFramed(String xml, Framing f) throws IOException {
        OutputStream out = channel.getInvertedIn();
        out.write(FrameEncoder.encode(xml, f));
        out.flush();
    }

    /** The next reply (or framing failure), or null after the timeout. */
    String poll(Duration timeout) {
        try {
            return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String notification(Duration timeout) throws InterruptedException {
        return notifications.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed(Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (channel.isClosed() || session.isClosed()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return channel.isClosed() || session.isClosed();
    }

    @Override
    public void close() throws IOException {
        try {
            session.close(true);
        } finally {
            if (ownClient) {
                client.stop();
            }
        }
    }
}
