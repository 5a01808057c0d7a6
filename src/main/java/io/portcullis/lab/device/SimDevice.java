package io.portcullis.lab.device;

import io.portcullis.lab.datastore.AppliedEdit;
import io.portcullis.lab.datastore.DataException;
import io.portcullis.lab.datastore.EditConfig;
import io.portcullis.lab.datastore.EditOperation;
import io.portcullis.lab.datastore.ErrorOption;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.netconf.xml.SecureXml;
import io.portcullis.netconf.xml.XmlParseException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * One simulated router: its datastores, locks, pending confirmed commit, NETCONF sessions, RPC log and
 * faults. All state changes happen under the device's monitor, so RPCs of concurrent sessions and
 * timers are serialised per device (like ConfD serialises write transactions).
 */
public final class SimDevice {
    private final String name;
    private final String platform;
    private volatile DeviceProfile profile;
    private volatile int port;
    private volatile KeyPair hostKey;
    final SimDatastore running;
    final SimDatastore candidate;
    final SimDatastore startup;
    final Map<String, LockHolder> locks = new HashMap<>();
    /** Sessions (0 = out of band) with uncommitted candidate changes, and those changes. */
    final java.util.Set<Integer> candidateDirtyBy = new java.util.HashSet<>();

    final List<AppliedEdit> candidateEdits = new ArrayList<>();
    /** Set by a validate under {@link Faults#loseEditsOnValidate()}: the next commit commits nothing. */
    boolean commitForgetsCandidate;

    final Map<Integer, SessionPort> sessions = new LinkedHashMap<>();
    private int nextSessionId = 1;
    private final RpcLog log = new RpcLog();
    private final Faults faults = new Faults();
    final ConfirmedCommit confirmed;
    private final Rpcs rpcs;
    private volatile Consumer<SimDevice> restartHook = d -> {};
    private volatile OperationalState operational;
    private volatile Duration keepaliveMaxWait = DEFAULT_KEEPALIVE_MAX_WAIT;
    private volatile int keepaliveMaxAttempts = DEFAULT_KEEPALIVE_MAX_ATTEMPTS;

    /** ietf-ssh-server (RFC 9644) keepalives defaults: a probe after 30 s of silence, the peer declared dead after 3 unanswered. */
    public static final Duration DEFAULT_KEEPALIVE_MAX_WAIT = Duration.ofSeconds(30);

    public static final int DEFAULT_KEEPALIVE_MAX_ATTEMPTS = 3;

    public SimDevice(
            String name,
            String platform,
            DeviceProfile profile,
            SimDatastore initialRunning,
            KeyPair hostKey,
            ScheduledExecutorService timers) {
        this.name = name;
        this.platform = platform;
        this.profile = profile;
        this.hostKey = hostKey;
        this.running = initialRunning;
        this.candidate = initialRunning.copy();
        this.startup = initialRunning.copy();
        this.confirmed = new ConfirmedCommit(this, timers);
        this.rpcs = new Rpcs(this);
    }

    public String name() {
        return name;
    }

    public String platform() {
        return platform;
    }

    public DeviceProfile profile() {
        return profile;
    }

    /** Changes what the device advertises (e.g. confirmed-commit 1.0); applies to sessions opened afterwards. */
    public void setProfile(DeviceProfile p) {
        profile = p;
    }

    /** The confirm-timeout (seconds) the latest confirmed commit asked for, or 0: lets tests check which setting won. */
    public long lastConfirmTimeoutSeconds() {
        return confirmed.lastTimeoutSeconds;
    }

    public int port() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    public void setHostKey(KeyPair key) {
        hostKey = key;
    }

    public RpcLog rpcLog() {
        return log;
    }

    public Faults faults() {
        return faults;
    }

    /** The running configuration as XML text (children of {@code <data>}). */
    public synchronized String runningXml() {
        return running.toXml();
    }

    public synchronized String candidateXml() {
        return candidate.toXml();
    }

    public synchronized String startupXml() {
        return startup.toXml();
    }

    /** A copy of running, for assertions that compare whole trees. */
    public synchronized SimDatastore runningCopy() {
        return running.copy();
    }

    public synchronized boolean confirmedCommitPending() {
        return confirmed.pending();
    }

    public synchronized Map<String, LockHolder> locks() {
        return Map.copyOf(locks);
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    /** Sessions holding a notification subscription (create-subscription): who watches this router. */
    public synchronized int subscriberCount() {
        return (int) sessions.values().stream().filter(SessionPort::subscribed).count();
    }

    /**
     * Changes running as if someone typed it on the router's CLI: a merge of {@code configXml} (a
     * {@code <config>} element or a bare top-level element), a netconf-config-change with changed-by the CLI
     * user (session 0), and the candidate follows (it is based on the new running).
     */
    public void outOfBandEdit(String configXml) {
        outOfBandEdit(configXml, "cli-admin");
    }

    public synchronized void outOfBandEdit(String configXml, String cliUser) {
        Element config = parseConfig(configXml);
        List<AppliedEdit> edits;
        try {
            edits = EditConfig.apply(running, config, EditOperation.MERGE, ErrorOption.ROLLBACK_ON_ERROR);
        } catch (DataException e) {
            throw new IllegalArgumentException("out-of-band edit failed: " + e.getMessage(), e);
        }
        if (candidateDirtyBy.isEmpty()) {
            candidate.replaceContent(running);
        }
        log.add(new RpcLogEntry(Instant.now(), 0, cliUser, null, "cli-edit", "running", configXml));
        notifySubscribers(
                Notifications.configChange(new Notifications.ChangedBy(cliUser, 0, "console"), "running", edits));
    }

    /** A non-NETCONF holder (session 0, e.g. a CLI "configure exclusive") takes the candidate (or running) lock. */
    public void outOfBandLock() {
        holdLock("candidate", new LockHolder(0, "cli-admin", LockShape.ZERO));
    }

    /** Makes {@code holder} hold the lock of {@code datastore}; lock-denied replies take {@code holder.shape()}. */
    public synchronized void holdLock(String datastore, LockHolder holder) {
        locks.put(datastore, holder);
        log.add(new RpcLogEntry(Instant.now(), holder.sessionId(), holder.username(), null, "cli-lock", datastore, ""));
    }

    /** Releases a lock taken with {@link #holdLock} or {@link #outOfBandLock}. */
    public synchronized void releaseLock(String datastore) {
        locks.remove(datastore);
    }

    /**
     * Reboot: every session drops, a pending confirmed commit is abandoned (running goes back to its
     * pre-image), then running := startup when the device has :startup; the candidate follows running.
     */
    public void reboot() {
        List<SessionPort> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(sessions.values());
            sessions.clear();
            locks.clear();
            confirmed.abandonForReboot();
            if (profile.startup()) {
                running.replaceContent(startup);
            }
            candidate.replaceContent(running);
            candidateDirtyBy.clear();
            candidateEdits.clear();
        }
        dropped.forEach(SessionPort::terminate);
    }

    /** Restarts the device's listener; with {@code newHostKey} it comes back with a different host key. */
    public void restart(boolean newHostKey) {
        reboot();
        if (newHostKey) {
            restartHook.accept(this);
        }
    }

    /**
     * The router's SSH keepalive: after {@code maxWait} without anything from the peer it sends a probe, and after
     * {@code maxAttempts} unanswered probes it ends the session (RFC 9644 {@code keepalives}; OpenSSH
     * {@code ClientAliveInterval}/{@code ClientAliveCountMax}). Ending it releases the session's locks and discards its
     * uncommitted candidate edits (RFC 6241 §7.5, §8.3.5.2), which is what frees a router from a half-open session whose
     * client gave up. Takes effect for sessions that go silent afterwards.
     */
    public void keepalive(Duration maxWait, int maxAttempts) {
        if (maxWait.isNegative() || maxWait.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("keepalive needs a positive wait and at least one attempt");
        }
        keepaliveMaxWait = maxWait;
        keepaliveMaxAttempts = maxAttempts;
    }

    /** How long a peer that sends nothing (not even keepalive replies) keeps its session: wait × attempts. */
    public Duration silentPeerLimit() {
        return keepaliveMaxWait.multipliedBy(keepaliveMaxAttempts);
    }

    /** Operational state served by {@code <get>} (and its vendor RPCs); null (the default) serves configuration only. */
    public void setOperationalState(OperationalState state) {
        operational = state;
    }

    public OperationalState operationalState() {
        return operational;
    }

    public void setRestartHook(Consumer<SimDevice> hook) {
        restartHook = hook;
    }

    /** Registers a new NETCONF session and returns its id. */
    public synchronized int openSession(SessionPort port) {
        int id = nextSessionId++;
        return id;
    }

    public synchronized void sessionStarted(SessionPort port) {
        sessions.put(port.sessionId(), port);
    }

    /** Session end for any reason: release its locks, discard its candidate edits, revert its confirmed commit. */
    public synchronized void sessionEnded(int sessionId) {
        if (sessions.remove(sessionId) == null) {
            return;
        }
        locks.values().removeIf(h -> h.sessionId() == sessionId);
        confirmed.sessionEnded(sessionId);
        if (candidateDirtyBy.contains(sessionId)) {
            candidate.replaceContent(running);
            candidateDirtyBy.clear();
            candidateEdits.clear();
        }
    }

    /** Handles one RPC operation element for a session; logging included. */
    public Reply handle(SessionPort session, Element rpc, Element operation, String payload) {
        String messageId = rpc.getAttribute("message-id");
        log.add(new RpcLogEntry(
                Instant.now(),
                session.sessionId(),
                session.username(),
                messageId,
                io.portcullis.lab.datastore.Dom.localName(operation),
                Rpcs.datastoreNamed(operation),
                payload));
        synchronized (this) {
            if (sessions.get(session.sessionId()) != session) {
                // the session ended (dropped, rebooted) while this RPC waited for the device: a router does not act for
                // a
                // dead session, and an edit or lock taken now would outlive it (sessionEnded already cleaned up)
                return Reply.error(io.portcullis.lab.datastore.DataError.rpc(
                        "operation-failed", "the session has ended", java.util.Map.of()));
            }
            return rpcs.handle(session, operation);
        }
    }

    /** Logs an RPC that the transport will not process (injected drop): it still arrived. */
    public void logUnprocessed(SessionPort session, Element rpc, Element operation, String payload) {
        log.add(new RpcLogEntry(
                Instant.now(),
                session.sessionId(),
                session.username(),
                rpc.getAttribute("message-id"),
                io.portcullis.lab.datastore.Dom.localName(operation),
                Rpcs.datastoreNamed(operation),
                payload));
    }

    void notifySubscribers(String notification) {
        for (SessionPort s : sessions.values()) {
            if (s.subscribed()) {
                s.sendNotification(notification);
            }
        }
    }

    SessionPort session(int id) {
        return sessions.get(id);
    }

    /** Sends {@code count} config-change notifications to every subscriber (notification flood, D.1 #11). */
    public synchronized void floodNotifications(int count) {
        for (int i = 0; i < count; i++) {
            notifySubscribers(Notifications.configChange(Notifications.ChangedBy.SERVER, "running", List.of()));
        }
    }

    static Element parseConfig(String xml) {
        try {
            Element e = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            if (!e.getLocalName().equals("config")) {
                Element wrapper =
                        e.getOwnerDocument().createElementNS(io.portcullis.lab.datastore.Dom.NETCONF_NS, "config");
                e.getOwnerDocument().replaceChild(wrapper, e);
                wrapper.appendChild(e);
                return wrapper;
            }
            return e;
        } catch (XmlParseException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + platform + ", 127.0.0.1:" + port + ")";
    }
}
