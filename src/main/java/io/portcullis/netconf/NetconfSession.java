package io.portcullis.netconf;

import io.portcullis.netconf.framing.FrameDecoder;
import io.portcullis.netconf.framing.FrameEncoder;
import io.portcullis.netconf.framing.Framing;
import io.portcullis.netconf.framing.FramingException;
import io.portcullis.netconf.rpc.CloseSession;
import io.portcullis.netconf.rpc.NetconfRpc;
import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.w3c.dom.Element;

/**
 * One NETCONF session (RFC 6241) over a {@link Transport}: hello exchange, framing selection, message-id
 * correlation with pipelining, notifications kept apart from replies, an absolute deadline on every RPC, and a clean
 * close that force-closes the transport when close-session gets no reply.
 *
 * <p>Any protocol violation (framing error, malformed XML, unknown/missing/duplicate message-id, unexpected message)
 * closes the session and fails every outstanding RPC with the same classified cause. Thread-safe: RPCs may be sent
 * from several threads; replies are matched in request order.
 */
public final class NetconfSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NetconfSession.class.getName());

    private final Transport transport;
    private final ClientSettings settings;
    private final ScheduledExecutorService timer;
    private final String peer;
    private final FrameDecoder decoder;
    private final NotificationStream notifications;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object stateLock = new Object();
    private final ArrayDeque<PendingRpc> inFlight = new ArrayDeque<>();
    private final CompletableFuture<Void> hello = new CompletableFuture<>();
    private volatile Framing framing = Framing.END_OF_MESSAGE;
    private volatile Capabilities capabilities;
    private volatile long sessionId;
    private volatile NetconfException closedBy;
    private long nextMessageId = 1;
    private boolean sawContent;
    private volatile boolean firstRpcNudged;
    private final MessageTrace trace;

    private NetconfSession(
            Transport transport, ClientSettings settings, ScheduledExecutorService timer, MessageTrace trace) {
        this.trace = trace == null ? MessageTrace.NONE : trace;
        this.transport = transport;
        this.settings = settings;
        this.timer = timer;
        this.peer = transport.peer();
        this.decoder = new FrameDecoder(settings.maxMessageBytes(), this::onMessage);
        this.notifications = new NotificationStream(settings.notificationCapacity());
    }

    /**
     * Starts the transport, exchanges hellos and returns a ready session, or fails (and closes the transport) within
     * the hello timeout. {@code timer} is shared by many sessions and owned by the caller.
     */
    public static NetconfSession establish(Transport transport, ClientSettings settings, ScheduledExecutorService timer)
            throws NetconfException {
        return establish(transport, settings, timer, MessageTrace.NONE);
    }

    /** As {@link #establish(Transport, ClientSettings, ScheduledExecutorService)}, showing every message to {@code trace}. */
    public static NetconfSession establish(
            Transport transport, ClientSettings settings, ScheduledExecutorService timer, MessageTrace trace)
            throws NetconfException {
        NetconfSession s = new NetconfSession(transport, settings, timer, trace);
        try {
            transport.start(s.new Inbound());
            s.writeFramed(Hello.client(settings.base11()), Framing.END_OF_MESSAGE);
            s.hello.get(settings.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return s;
        } catch (TimeoutException e) {
            s.terminate(new NetconfException(
                    Failure.HELLO_FAILED,
                    "NETCONF server " + s.peer + " sent no hello within " + seconds(settings.helloTimeout())
                            + "; session closed"));
        } catch (ExecutionException e) {
            s.terminate(
                    e.getCause() instanceof NetconfException ne
                            ? ne
                            : new NetconfException(
                                    Failure.HELLO_FAILED, "hello with " + s.peer + " failed", e.getCause()));
        } catch (IOException e) {
            s.terminate(new NetconfException(
                    Failure.SESSION_CLOSED, "cannot start NETCONF with " + s.peer + ": " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.terminate(new NetconfException(Failure.LOCAL, "interrupted while waiting for the hello of " + s.peer));
        }
        throw rethrowable(s.closedBy);
    }

    public long sessionId() {
        return sessionId;
    }

    /** What the server advertised in its hello. */
    public Capabilities capabilities() {
        return capabilities;
    }

    public Framing framing() {
        return framing;
    }

    public String peer() {
        return peer;
    }

    public TransportInfo transportInfo() {
        return transport.info();
    }

    public NotificationStream notifications() {
        return notifications;
    }

    public boolean isOpen() {
        return closedBy == null;
    }

    /** Why the session ended, once it has. */
    public Optional<NetconfException> closeCause() {
        return Optional.ofNullable(closedBy);
    }

    /** Sends and waits, with the default RPC deadline. Throws {@link RpcErrorException} for rpc-errors. */
    public RpcReply execute(NetconfRpc rpc) throws NetconfException {
        return execute(rpc, settings.rpcTimeout());
    }

    /** Sends and waits until the reply or the absolute deadline {@code timeout} after sending. */
    public RpcReply execute(NetconfRpc rpc, Duration timeout) throws NetconfException {
        CompletableFuture<RpcReply> f = send(rpc, timeout);
        try {
            // the future always completes by the deadline (timer); the extra grace only guards against a lost timer
            return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (TimeoutException e) {
            throw new NetconfException(
                    Failure.RPC_TIMEOUT, rpc.name() + " to " + peer + " got no reply within " + seconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetconfException(Failure.LOCAL, "interrupted while waiting for " + rpc.name() + " on " + peer);
        }
    }

    /**
     * Sends without waiting (pipelining). The future completes with the reply, an {@link RpcErrorException}, or a
     * {@link NetconfException} at the latest when the absolute deadline passes.
     */
    public CompletableFuture<RpcReply> send(NetconfRpc rpc, Duration timeout) {
        NetconfException dead = closedBy;
        if (dead != null) {
            return CompletableFuture.failedFuture(
                    new NetconfException(dead.failure(), "cannot send " + rpc.name() + ": " + dead.getMessage(), dead));
        }
        for (String cap : rpc.requiredCapabilities()) {
            if (!capabilities.has(cap)) {
                return CompletableFuture.failedFuture(new NetconfException(
                        Failure.MISSING_CAPABILITY,
                        "server " + peer + " lacks " + cap + ", which " + rpc.name() + " needs"));
            }
        }
        writeLock.lock();
        try {
            String id = Long.toString(nextMessageId++);
            byte[] message = ("<rpc xmlns=\"" + Xml.BASE_NS + "\" message-id=\"" + id + "\">" + rpc.toXml() + "</rpc>")
                    .getBytes(StandardCharsets.UTF_8);
            if (framing == Framing.END_OF_MESSAGE
                    && new String(message, StandardCharsets.ISO_8859_1).contains("]]>]]>")) {
                return CompletableFuture.failedFuture(new NetconfException(
                        Failure.LOCAL,
                        rpc.name() + " contains ]]>]]>, which cannot be sent on a base:1.0 session to " + peer));
            }
            PendingRpc p = new PendingRpc(id, rpc.name());
            synchronized (stateLock) {
                if (closedBy != null) {
                    return CompletableFuture.failedFuture(new NetconfException(
                            closedBy.failure(), "cannot send " + rpc.name() + ": " + closedBy.getMessage(), closedBy));
                }
                inFlight.addLast(p);
            }
            p.timer = timer.schedule(() -> onDeadline(p, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
            writeFramed(message, framing);
            if (nextMessageId == 2) {
                timer.schedule(() -> nudgeIfStalled(p), FirstRpcNudge.AFTER.toNanos(), TimeUnit.NANOSECONDS);
            }
            return p.future;
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).contains("timeout exceeded")
                    ? "the peer stopped accepting data (SSH window stalled past the window timeout)"
                    : e.getMessage();
            terminate(new NetconfException(
                    Failure.SESSION_CLOSED,
                    "cannot send " + rpc.name() + " to " + peer + ": " + why + "; session closed",
                    e));
            NetconfException cause = closedBy;
            return CompletableFuture.failedFuture(cause);
        } finally {
            writeLock.unlock();
        }
    }

    /** True when the first RPC went unanswered for {@link FirstRpcNudge#AFTER} and the session sent the probe. */
    public boolean firstRpcNudged() {
        return firstRpcNudged;
    }

    /** See {@link FirstRpcNudge}: the first RPC may sit unread in the server until more input arrives. */
    private void nudgeIfStalled(PendingRpc first) {
        writeLock.lock();
        try {
            // answered, failed, or another message was sent since (that input already woke the server)
            if (first.future.isDone() || closedBy != null || nextMessageId != 2) {
                return;
            }
            firstRpcNudged = true;
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "{0} left the first RPC unanswered for {1}; sending a read-only probe",
                    peer,
                    seconds(FirstRpcNudge.AFTER));
            send(FirstRpcNudge.PROBE, settings.rpcTimeout()); // its reply (or rpc-error) is matched and dropped
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Sends close-session and waits up to the close timeout for its reply, then closes the transport regardless
     * (a server that never answers must not keep the connection open).
     */
    @Override
    public void close() {
        if (closedBy == null && hello.isDone() && !replyOverdue()) {
            try {
                send(new CloseSession(), settings.closeTimeout())
                        .get(settings.closeTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "close-session to {0} got no clean reply: {1}",
                        peer,
                        e.getMessage());
            }
        }
        terminate(new NetconfException(Failure.SESSION_CLOSED, "session to " + peer + " was closed by the client"));
    }

    /**
     * Whether an RPC still queued has passed its deadline. Replies come in order, so close-session could only be answered
     * after that late reply: waiting for it would add the close timeout to a router's own {@code timeout:} (an 8 s reply
     * under timeout 2 took 2 + 5 s per attempt). Dropping the transport ends the session just as well.
     */
    private boolean replyOverdue() {
        synchronized (stateLock) {
            return inFlight.stream().anyMatch(p -> p.future.isCompletedExceptionally());
        }
    }

    /** Drops the transport at once, without close-session. */
    public void abort() {
        terminate(new NetconfException(Failure.SESSION_CLOSED, "session to " + peer + " was aborted by the client"));
    }

    private void writeFramed(byte[] message, Framing how) throws IOException {
        writeLock.lock();
        try {
            traced(true, message);
            OutputStream out = transport.output();
            FrameEncoder.write(out, message, how, FrameEncoder.DEFAULT_MAX_CHUNK);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** A trace must never break the session: whatever it throws is dropped. */
    private void traced(boolean sent, byte[] message) {
        if (trace == MessageTrace.NONE) {
            return;
        }
        try {
            trace.message(peer, sent, message);
        } catch (RuntimeException ignored) {
            // the trace is a diagnostic aid; the protocol goes on without it
        }
    }

    private void onDeadline(PendingRpc p, Duration timeout) {
        // the entry stays queued: its late reply must still be matched (and dropped) to keep replies aligned
        p.future.completeExceptionally(new NetconfException(
                Failure.RPC_TIMEOUT, p.operation + " to " + peer + " got no reply within " + seconds(timeout)));
    }

    private void onMessage(byte[] bytes) {
        if (closedBy != null) {
            return;
        }
        traced(false, bytes);
        Element root;
        try {
            root = SecureXml.parse(bytes, settings.xmlLimits()).getDocumentElement();
        } catch (XmlParseException e) {
            String hint = framing == Framing.END_OF_MESSAGE
                    ? " (on base:1.0 this happens when ]]>]]> occurs inside data)"
                    : "";
            terminate(new NetconfException(
                    Failure.FRAMING, "unreadable message from " + peer + hint + ": " + e.getMessage(), e));
            return;
        }
        if (!hello.isDone()) {
            onHello(root);
        } else if (Xml.is(root, Xml.BASE_NS, "rpc-reply")) {
            onReply(root);
        } else if (Xml.is(root, Xml.NOTIFICATION_NS, "notification")) {
            onNotification(root);
        } else {
            desync("sent an unexpected <" + root.getLocalName() + "> message");
        }
    }

    private void onHello(Element root) {
        try {
            Hello.ServerHello h = Hello.parseServer(root, peer);
            boolean chunked = settings.base11() && h.capabilities().supportsBase11();
            if (!chunked && !h.capabilities().supportsBase10()) {
                throw Hello.fail(
                        peer,
                        "shares no NETCONF base version with us (it offers "
                                + (h.capabilities().supportsBase11()
                                        ? "only base:1.1"
                                        : "neither base:1.0 nor base:1.1")
                                + ")");
            }
            capabilities = h.capabilities();
            sessionId = h.sessionId();
            if (chunked) {
                decoder.setFraming(Framing.CHUNKED);
                framing = Framing.CHUNKED;
            }
            hello.complete(null);
        } catch (NetconfException e) {
            terminate(e);
        }
    }

    private void onReply(Element root) {
        String id = root.hasAttribute("message-id") ? root.getAttribute("message-id") : null;
        PendingRpc p;
        synchronized (stateLock) {
            PendingRpc head = inFlight.peekFirst();
            if (id == null) {
                desync("sent an rpc-reply without message-id");
                return;
            }
            if (head == null) {
                desync("sent an unsolicited rpc-reply (message-id " + abbreviate(id) + ")");
                return;
            }
            if (!head.messageId.equals(id)) {
                desync("answered message-id " + abbreviate(id) + " while " + head.messageId + " was due");
                return;
            }
            p = inFlight.removeFirst();
        }
        p.cancelTimer();
        if (p.future.isDone()) {
            return;
        }
        try {
            p.future.complete(RpcReply.parse(p.operation, root));
        } catch (RpcErrorException e) {
            p.future.completeExceptionally(e);
        }
    }

    private void onNotification(Element root) {
        boolean accepted;
        try {
            accepted = notifications.offer(Notification.of(root));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "notification listener for " + peer + " failed", e);
            return;
        }
        if (!accepted) {
            terminate(new NetconfException(
                    Failure.NOTIFICATION_OVERFLOW,
                    "more than " + settings.notificationCapacity() + " unread notifications from " + peer
                            + "; session closed rather than dropping any"));
        }
    }

    private void desync(String what) {
        terminate(new NetconfException(
                Failure.PROTOCOL_DESYNC, "protocol desync: NETCONF server " + peer + " " + what + "; session closed"));
    }

    private void terminate(NetconfException cause) {
        List<PendingRpc> failing;
        synchronized (stateLock) {
            if (closedBy != null) {
                transport.close();
                return;
            }
            closedBy = cause;
            failing = new ArrayList<>(inFlight);
            inFlight.clear();
        }
        // the transport goes first: whoever sees a failed RPC may rely on the connection being gone already
        transport.close();
        if (cause.failure() != Failure.SESSION_CLOSED) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "NETCONF session {0} to {1} ended: {2}",
                    sessionId,
                    peer,
                    cause.getMessage());
        }
        for (PendingRpc p : failing) {
            p.cancelTimer();
            p.future.completeExceptionally(cause);
        }
        hello.completeExceptionally(cause);
        notifications.end();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static NetconfException rethrowable(Throwable t) {
        if (t instanceof RpcErrorException r) {
            return r;
        }
        if (t instanceof NetconfException ne) {
            return new NetconfException(ne.failure(), ne.getMessage(), ne);
        }
        return new NetconfException(Failure.LOCAL, "unexpected failure: " + t, t);
    }

    /** Inbound bytes from the transport, one thread at a time. */
    private final class Inbound implements Transport.Listener {
        @Override
        public void onBytes(byte[] data, int off, int len) {
            synchronized (decoder) {
                if (closedBy != null) {
                    return;
                }
                if (!sawContent && !hello.isDone()) {
                    for (int i = off; i < off + len && !sawContent; i++) {
                        byte b = data[i];
                        if (b == '#') {
                            terminate(Hello.fail(
                                    peer, "framed its hello as chunked (RFC 6242 requires ]]>]]> for hello)"));
                            return;
                        }
                        sawContent = b != '\n' && b != '\r' && b != ' ' && b != '\t';
                    }
                }
                try {
                    decoder.feed(data, off, len);
                } catch (FramingException e) {
                    terminate(new NetconfException(
                            Failure.FRAMING,
                            "framing error from " + peer + ": " + e.getMessage() + "; session closed",
                            e));
                }
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            synchronized (decoder) {
                if (closedBy == null && !decoder.failed()) {
                    try {
                        decoder.endOfStream();
                    } catch (FramingException e) {
                        terminate(new NetconfException(
                                Failure.FRAMING, "connection to " + peer + " ended in the middle of a message", e));
                        return;
                    }
                }
            }
            String why = cause == null ? "" : ": " + cause.getMessage();
            terminate(new NetconfException(Failure.SESSION_CLOSED, "connection to " + peer + " closed" + why, cause));
        }
    }
}
