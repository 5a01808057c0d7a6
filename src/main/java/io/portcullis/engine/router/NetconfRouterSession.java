package io.portcullis.engine.router;

import io.portcullis.netconf.LockHolder;
import io.portcullis.netconf.NetconfException;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.RpcError;
import io.portcullis.netconf.RpcErrorException;
import io.portcullis.netconf.RpcReply;
import io.portcullis.netconf.rpc.CancelCommit;
import io.portcullis.netconf.rpc.Commit;
import io.portcullis.netconf.rpc.DiscardChanges;
import io.portcullis.netconf.rpc.EditConfig;
import io.portcullis.netconf.rpc.Filter;
import io.portcullis.netconf.rpc.GetConfig;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.NetconfRpc;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.netconf.rpc.Validate;
import io.portcullis.netconf.xml.SecureXml;
import java.util.Set;
import org.w3c.dom.Element;

/** {@link RouterSession} over one {@link NetconfSession}, mapping the client's failures to {@link RouterException} kinds. */
final class NetconfRouterSession implements RouterSession {
    private final String router;
    private final NetconfSession session;
    /** The inventory's per-router reply timeout, or null for the client's default. */
    private final java.time.Duration rpcTimeout;

    NetconfRouterSession(String router, NetconfSession session, java.time.Duration rpcTimeout) {
        this.router = router;
        this.session = session;
        this.rpcTimeout = rpcTimeout;
    }

    /** Weak algorithms allowed only by the router's per-device exception, and host key checking switched off. */
    @Override
    public java.util.List<String> transportWarnings() {
        io.portcullis.netconf.TransportInfo info = session.transportInfo();
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!info.weakAlgorithmsInUse().isEmpty()) {
            out.add(
                    router + " was reached with weak SSH algorithm(s) " + String.join(", ", info.weakAlgorithmsInUse())
                            + " allowed by its ssh-algorithm-exceptions; remove the exception once the router offers strong ones");
        }
        if (info.hostKeyCheckingOff()) {
            out.add(router + " was reached with host key checking off, so its identity was not verified;"
                    + " pin its key in known_hosts and use strict checking");
        }
        return out;
    }

    @Override
    public Set<String> capabilities() {
        return session.capabilities().uris();
    }

    @Override
    public boolean hasCapability(String prefix) {
        return RouterSession.super.hasCapability(prefix);
    }

    @Override
    public String getConfig(Datastore source, String subtreeFilter) {
        RpcReply r = call(new GetConfig(ds(source), Filter.subtree(subtreeFilter)));
        Element data = r.data();
        if (data == null) {
            return "<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>";
        }
        return serialize(data);
    }

    @Override
    public String readOperational(String operationXml) {
        return serialize(
                call(NetconfRpc.raw("get (operational state)", operationXml)).root());
    }

    @Override
    public void lock(Datastore target) {
        call(new Lock(ds(target)));
    }

    @Override
    public void unlock(Datastore target) {
        call(new Unlock(ds(target)));
    }

    @Override
    public void editConfig(Datastore target, String config) {
        call(EditConfig.of(ds(target), ConfigPayload.content(config)));
    }

    @Override
    public void copyRunningToStartup() {
        call(new io.portcullis.netconf.rpc.CopyConfig(
                io.portcullis.netconf.rpc.Datastore.RUNNING, io.portcullis.netconf.rpc.Datastore.STARTUP));
    }

    @Override
    public void validate(Datastore source) {
        call(new Validate(ds(source)));
    }

    @Override
    public void commitConfirmed(int timeoutSeconds) {
        call(Commit.confirmed(timeoutSeconds));
    }

    @Override
    public void commit() {
        call(Commit.commit());
    }

    @Override
    public void cancelCommit() {
        call(CancelCommit.ofThisSession());
    }

    @Override
    public void commitConfirmedPersistent(int timeoutSeconds, String persist) {
        secretCall(Commit.confirmedPersistent(timeoutSeconds, persist), persist);
    }

    @Override
    public void extendPersistent(int timeoutSeconds, String persistId) {
        secretCall(new Commit(true, (long) timeoutSeconds, null, persistId), persistId);
    }

    @Override
    public void confirmPersistent(String persistId) {
        secretCall(Commit.confirmPersistent(persistId), persistId);
    }

    @Override
    public void cancelPersistent(String persistId) {
        secretCall(new CancelCommit(persistId), persistId);
    }

    @Override
    public void discardChanges() {
        call(new DiscardChanges());
    }

    @Override
    public void close() {
        session.close();
    }

    private RpcReply call(NetconfRpc rpc) {
        try {
            return rpcTimeout == null ? session.execute(rpc) : session.execute(rpc, rpcTimeout);
        } catch (NetconfException e) {
            throw classify(router, e);
        }
    }

    /** A call carrying a persist token: a server that echoes it (bad-value, message) must not leak it into our errors. */
    private void secretCall(NetconfRpc rpc, String token) {
        try {
            if (rpcTimeout == null) {
                session.execute(rpc);
            } else {
                session.execute(rpc, rpcTimeout);
            }
        } catch (NetconfException e) {
            // rebuilt without the cause: the raw reply (error-info, bad-value) may carry the token
            RouterException r = classify(router, e);
            throw new RouterException(
                    r.kind(),
                    redact(r.getMessage(), token),
                    r.errorTag(),
                    redact(r.errorPath(), token),
                    redact(r.holder(), token),
                    null);
        }
    }

    private static String redact(String s, String token) {
        return s == null ? null : s.replace(token, "<persist-id>");
    }

    private static io.portcullis.netconf.rpc.Datastore ds(Datastore d) {
        return switch (d) {
            case RUNNING -> io.portcullis.netconf.rpc.Datastore.RUNNING;
            case CANDIDATE -> io.portcullis.netconf.rpc.Datastore.CANDIDATE;
            case STARTUP -> io.portcullis.netconf.rpc.Datastore.STARTUP;
        };
    }

    static RouterException classify(String router, NetconfException e) {
        if (e instanceof RpcErrorException re) {
            RpcError first = re.errors().isEmpty() ? null : re.errors().get(0);
            String tag = first == null ? null : first.tag();
            String path = first == null ? null : first.path();
            if (re.isLockDenied()) {
                String holder = re.lockHolder().map(LockHolder::describe).orElse(null);
                return new RouterException(
                        RouterException.Kind.LOCK_DENIED,
                        router + ": lock denied" + (holder == null ? "" : ", held by " + holder),
                        "lock-denied",
                        path,
                        holder,
                        e);
            }
            if (re.isRollbackFailed()) {
                return new RouterException(
                        RouterException.Kind.ROLLBACK_FAILED, router + ": " + first.summary(), tag, path, null, e);
            }
            return new RouterException(
                    RouterException.Kind.RPC_ERROR,
                    first == null ? e.getMessage() : first.summary(),
                    tag,
                    path,
                    null,
                    e);
        }
        RouterException.Kind kind =
                switch (e.failure()) {
                    case CONNECT_REFUSED -> RouterException.Kind.CONNECTION_REFUSED;
                    case CONNECT_TIMEOUT -> RouterException.Kind.TIMEOUT;
                    case CONNECT_FAILED -> RouterException.Kind.UNREACHABLE;
                    case AUTH_FAILED, LOCAL -> RouterException.Kind.AUTH_FAILED;
                    case HOST_KEY_UNKNOWN, HOST_KEY_CHANGED, ALGORITHM_REFUSED -> RouterException.Kind.HOST_KEY;
                    case RPC_TIMEOUT -> RouterException.Kind.TIMEOUT;
                    case SESSION_CLOSED -> RouterException.Kind.SESSION_LOST;
                    case MISSING_CAPABILITY -> RouterException.Kind.RPC_ERROR;
                    default -> RouterException.Kind.PROTOCOL;
                };
        return new RouterException(kind, e.getMessage(), null, null, null, e);
    }

    private static String serialize(Element e) {
        try {
            return SecureXml.toXml(e);
        } catch (IllegalStateException ex) {
            throw new RouterException(RouterException.Kind.PROTOCOL, "cannot serialise the reply: " + ex.getMessage());
        }
    }
}
