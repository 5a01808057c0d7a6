package io.portcullis.lab.server;

import io.portcullis.lab.datastore.DataError;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.device.DeviceProfile;
import io.portcullis.lab.device.Faults;
import io.portcullis.lab.device.HelloFault;
import io.portcullis.lab.device.Reply;
import io.portcullis.lab.device.SessionPort;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.framing.FrameDecoder;
import io.portcullis.netconf.framing.Framing;
import io.portcullis.netconf.framing.FramingException;
import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.AsyncCommand;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The server side of one NETCONF session on an SSH "netconf" subsystem channel: hello exchange, framing,
 * RPCs processed one at a time in arrival order (RFC 6241 §4.5) on shared workers, and the transport
 * faults of the device. No thread of its own: input arrives on MINA's NIO threads.
 */
final class NetconfChannel implements AsyncCommand, ChannelSessionAware, ChannelDataReceiver, SessionPort {
    private static final int MAX_MESSAGE = 64 * 1024 * 1024;

    private final LabServer server;
    private final SimDevice device;
    private final FrameDecoder decoder = new FrameDecoder(MAX_MESSAGE, this::onMessage);
    private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
    private ChannelSession channel;
    private AsyncWriter writer;
    private ExitCallback exit;
    private volatile Framing framing = Framing.END_OF_MESSAGE;
    private List<String> offered = List.of();
    private int sessionId;
    private String username = "";
    private String sourceHost = "";
    private boolean helloReceived;
    private boolean pumping;
    private volatile boolean subscribed;
    private volatile boolean closed;
    private volatile boolean silent;
    private volatile boolean stuck;

    NetconfChannel(LabServer server, SimDevice device) {
        this.server = server;
        this.device = device;
    }

    @Override
    public void setChannelSession(ChannelSession session) {
        channel = session;
        session.setDataReceiver(this);
    }

    @Override
    public void setIoOutputStream(IoOutputStream out) {
        writer = new AsyncWriter(out);
    }

    @Override
    public void setIoInputStream(IoInputStream in) {
        // not used: our ChannelDataReceiver gets the input first
    }

    @Override
    public void setIoErrorStream(IoOutputStream err) {
        // NETCONF has no stderr
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        exit = callback;
    }

    @Override
    public void setInputStream(InputStream in) {
        // input arrives through ChannelDataReceiver
    }

    @Override
    public void setOutputStream(OutputStream out) {
        // output goes through the async stream
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // NETCONF has no stderr
    }

    @Override
    public void start(ChannelSession ch, Environment env) {
        username = ch.getSession().getUsername();
        if (ch.getSession().getClientAddress() instanceof InetSocketAddress a) {
            sourceHost = a.getAddress().getHostAddress();
        }
        sessionId = device.openSession(this);
        device.sessionStarted(this);
        Faults f = device.faults();
        HelloFault hf = f.hello();
        List<String> caps = new ArrayList<>(device.profile().capabilities());
        if (hf == HelloFault.BASE_10_ONLY) {
            caps.remove(DeviceProfile.BASE_11);
        } else if (hf == HelloFault.NO_COMMON_BASE) {
            caps.remove(DeviceProfile.BASE_11);
            caps.remove(DeviceProfile.BASE_10);
            caps.add(0, "urn:ietf:params:netconf:base:2.0");
        }
        offered = caps;
        String hello = Replies.hello(caps, hf == HelloFault.NO_SESSION_ID ? null : sessionId);
        switch (hf) {
            case NEVER -> {}
            case DELAYED ->
                server.scheduler()
                        .schedule(
                                () -> send(hello, Framing.END_OF_MESSAGE),
                                f.helloDelay().toMillis(),
                                TimeUnit.MILLISECONDS);
            case CHUNKED -> send(hello, Framing.CHUNKED);
            default -> send(hello, Framing.END_OF_MESSAGE);
        }
    }

    @Override
    public int data(ChannelSession ch, byte[] buf, int start, int len) {
        if (silent || closed || device.faults().stallWindow()) {
            return 0; // consumed nothing: no window adjust, the client's writes stall
        }
        try {
            decoder.feed(buf, start, len);
        } catch (FramingException e) {
            drop();
        }
        return len;
    }

    private void onMessage(byte[] message) {
        if (!helloReceived) {
            onHello(message);
            return;
        }
        synchronized (inbox) {
            inbox.add(message);
            if (pumping) {
                return;
            }
            pumping = true;
        }
        server.workers().execute(this::pump);
    }

    private void onHello(byte[] message) {
        helloReceived = true;
        Element hello;
        try {
            hello = parse(message);
        } catch (XmlParseException e) {
            drop();
            return;
        }
        if (!"hello".equals(Dom.localName(hello)) || Dom.firstChild(hello, "session-id") != null) {
            drop(); // a client hello must not carry a session-id (RFC 6241 §8.1)
            return;
        }
        List<String> clientCaps = new ArrayList<>();
        Element caps = Dom.firstChild(hello, "capabilities");
        if (caps != null) {
            Dom.children(caps).forEach(c -> clientCaps.add(Dom.text(c)));
        }
        if (clientCaps.contains(DeviceProfile.BASE_11) && offered.contains(DeviceProfile.BASE_11)) {
            framing = Framing.CHUNKED;
            decoder.setFraming(Framing.CHUNKED);
        } else if (!(clientCaps.contains(DeviceProfile.BASE_10) && offered.contains(DeviceProfile.BASE_10))) {
            drop(); // no common base version
        }
    }

    /** Processes queued RPCs one at a time; delays re-enter through the scheduler so no worker sleeps. */
    private void pump() {
        while (!closed && !silent && !stuck) {
            byte[] next;
            synchronized (inbox) {
                next = inbox.poll();
                if (next == null) {
                    pumping = false;
                    return;
                }
            }
            if (!process(next)) {
                return; // continues later (delay) or never (stuck, dropped)
            }
        }
        synchronized (inbox) {
            pumping = false;
        }
    }

    /** @return true to go on with the next message now */
    private boolean process(byte[] message) {
        String payload = new String(message, StandardCharsets.UTF_8);
        Element rpc;
        try {
            rpc = parse(message);
        } catch (XmlParseException e) {
            sendReply(
                    null,
                    Reply.error(DataError.rpc("malformed-message", "the message is not well-formed XML", Map.of())),
                    null);
            return true;
        }
        if (!"rpc".equals(Dom.localName(rpc))) {
            drop();
            return false;
        }
        if (!rpc.hasAttribute("message-id")) {
            sendReply(
                    rpc,
                    Reply.error(DataError.rpc(
                            "missing-attribute",
                            "rpc has no message-id",
                            Map.of("bad-attribute", "message-id", "bad-element", "rpc"))),
                    null);
            return true;
        }
        List<Element> ops = Dom.children(rpc);
        if (ops.isEmpty()) {
            sendReply(
                    rpc,
                    Reply.error(DataError.rpc("missing-element", "rpc has no operation", Map.of("bad-element", "rpc"))),
                    null);
            return true;
        }
        Element op = ops.get(0);
        Faults.Plan plan = device.faults().planFor(Dom.localName(op));
        if (plan.halfOpen()) {
            device.logUnprocessed(this, rpc, op, payload);
            goSilent();
            return false;
        }
        if (plan.dropBefore()) {
            device.logUnprocessed(this, rpc, op, payload);
            drop();
            return false;
        }
        if (!plan.delay().isZero()) {
            server.scheduler()
                    .schedule(
                            () -> server.workers().execute(() -> {
                                if (execute(rpc, op, payload, plan)) {
                                    pump();
                                }
                            }),
                            plan.delay().toMillis(),
                            TimeUnit.MILLISECONDS);
            return false;
        }
        return execute(rpc, op, payload, plan);
    }

    private boolean execute(Element rpc, Element op, String payload, Faults.Plan plan) {
        if (closed) {
            return false;
        }
        Reply reply = device.handle(this, rpc, op, payload);
        if (plan.neverReply()) {
            stuck = true;
            return false;
        }
        if (plan.dropAfter()) {
            drop();
            return false;
        }
        sendReply(rpc, reply, plan.malformation());
        if (reply instanceof Reply.Ok ok && ok.closeSession()) {
            closed = true;
            writer.afterDrain(() -> channel.getSession().close(false));
            return false;
        }
        return true;
    }

    private void sendReply(Element rpc, Reply reply, io.portcullis.lab.device.Malformation m) {
        if (m == null) {
            send(Replies.reply(rpc, reply, null, null), framing);
            return;
        }
        String mid = rpc == null ? "" : rpc.getAttribute("message-id");
        switch (m) {
            case WRONG_MESSAGE_ID -> send(Replies.reply(rpc, reply, mid + "999", null), framing);
            case MISSING_MESSAGE_ID -> send(Replies.reply(rpc, reply, "", null), framing);
            case DUPLICATE_REPLY -> {
                send(Replies.reply(rpc, reply, null, null), framing);
                send(Replies.reply(rpc, reply, null, null), framing);
            }
            case UNSOLICITED_REPLY -> {
                send(Replies.reply(null, Reply.OK, "unsolicited-4711", null), framing);
                send(Replies.reply(rpc, reply, null, null), framing);
            }
            case EOM_IN_ATTRIBUTE ->
                writeRaw(BrokenFrames.frame(
                        Replies.reply(rpc, reply, null, "note=\"]]>]]>\"").getBytes(StandardCharsets.UTF_8),
                        m,
                        framing));
            default -> {
                writeRaw(BrokenFrames.frame(
                        Replies.reply(rpc, reply, null, null).getBytes(StandardCharsets.UTF_8), m, framing));
                if (m == io.portcullis.lab.device.Malformation.TRUNCATED) {
                    writer.afterDrain(this::drop);
                }
            }
        }
    }

    private void send(String xml, Framing f) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        byte[] framed;
        try {
            framed = io.portcullis.netconf.framing.FrameEncoder.encode(bytes, f);
        } catch (IllegalArgumentException e) {
            // data containing ]]>]]> on a base:1.0 session: a real device sends it as is, and so do we
            framed = (xml + "]]>]]>").getBytes(StandardCharsets.UTF_8);
        }
        writeRaw(framed);
    }

    private void writeRaw(byte[] bytes) {
        if (!silent && !closed) {
            writer.write(bytes);
        }
    }

    private static Element parse(byte[] message) throws XmlParseException {
        int i = 0;
        while (i < message.length
                && (message[i] == ' ' || message[i] == '\n' || message[i] == '\r' || message[i] == '\t')) {
            i++;
        }
        byte[] trimmed = i == 0 ? message : java.util.Arrays.copyOfRange(message, i, message.length);
        Document doc = SecureXml.parse(trimmed);
        return doc.getDocumentElement();
    }

    /**
     * Half-open: no more reads (not even SSH keepalives), no writes, and no FIN: the peer sees silence, and whatever the
     * peer sends (its close included) is never read. As on a router whose peer vanished, the session lives on with its
     * locks and candidate edits until the router's SSH keepalive gives up on it ({@link SimDevice#silentPeerLimit()});
     * then it ends like a dropped session (locks released, uncommitted edits discarded).
     */
    private void goSilent() {
        silent = true;
        writer.kill();
        channel.getSession().getIoSession().suspendRead();
        server.scheduler()
                .schedule(
                        () -> {
                            if (!closed) {
                                terminate();
                            }
                        },
                        device.silentPeerLimit().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** Abrupt connection loss (TCP closed without a NETCONF goodbye). */
    private void drop() {
        closed = true;
        writer.kill();
        channel.getSession().close(true);
    }

    @Override
    public void destroy(ChannelSession ch) {
        closed = true;
        if (writer != null) {
            writer.kill();
        }
        device.sessionEnded(sessionId);
        if (exit != null) {
            exit.onExit(0);
        }
    }

    @Override
    public void close() {
        // the data receiver's end; the command's destroy does the work
    }

    @Override
    public int sessionId() {
        return sessionId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String sourceHost() {
        return sourceHost;
    }

    @Override
    public void sendNotification(String xml) {
        if (helloReceived) {
            send(xml, framing);
        }
    }

    @Override
    public void terminate() {
        if (silent) {
            // the session is already dead to the peer; make it dead on our side too
            channel.getSession().getIoSession().resumeRead();
        }
        drop();
    }

    @Override
    public boolean subscribed() {
        return subscribed;
    }

    @Override
    public void subscribe() {
        subscribed = true;
    }
}
