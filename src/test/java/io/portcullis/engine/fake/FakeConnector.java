package io.portcullis.engine.fake;

import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.intent.FilterIntent;
import io.portcullis.inventory.Device;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Sessions to {@link FakeRouter}s by device name. */
public final class FakeConnector implements RouterConnector {
    public final Map<String, FakeRouter> routers = new LinkedHashMap<>();

    public FakeRouter add(String name) {
        FakeRouter r = new FakeRouter(name);
        routers.put(name, r);
        return r;
    }

    @Override
    public RouterSession open(Device device) {
        FakeRouter r = routers.get(device.name());
        if (r == null || r.unreachable) {
            throw new RouterException(
                    RouterException.Kind.CONNECTION_REFUSED,
                    device.name() + " (" + device.hostname() + ":" + device.port()
                            + ") refused the connection; check that NETCONF is enabled");
        }
        synchronized (r) {
            r.rpcLog.add("hello");
            return new Session(r, ++r.sessions);
        }
    }

    static final class Session implements RouterSession {
        private final FakeRouter r;
        private final int id;
        private boolean closed;

        Session(FakeRouter r, int id) {
            this.r = r;
            this.id = id;
        }

        private void op(String name) {
            if (closed) {
                throw new RouterException(RouterException.Kind.SESSION_LOST, "session to " + r.name + " is closed");
            }
            r.rpcLog.add(name);
        }

        @Override
        public Set<String> capabilities() {
            return r.capabilities;
        }

        @Override
        public String getConfig(Datastore source, String filter) {
            synchronized (r) {
                op("get-config");
                FilterIntent i = source == Datastore.RUNNING ? r.running : r.candidate;
                return "<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><acl xmlns=\"urn:test\">"
                        + TestPlatform.toJson(i) + "</acl></data>";
            }
        }

        @Override
        public void lock(Datastore target) {
            synchronized (r) {
                op("lock");
                if (r.lockHolder != null && r.lockHolder != id) {
                    throw new RouterException(
                            RouterException.Kind.LOCK_DENIED,
                            "lock denied",
                            "lock-denied",
                            null,
                            "session " + r.lockHolder,
                            null);
                }
                if (!r.candidate.equals(r.running)) {
                    throw new RouterException(
                            RouterException.Kind.LOCK_DENIED,
                            "candidate not empty",
                            "lock-denied",
                            null,
                            "session 0",
                            null);
                }
                r.lockHolder = id;
            }
        }

        @Override
        public void unlock(Datastore target) {
            synchronized (r) {
                op("unlock");
                if (r.lockHolder != null && r.lockHolder == id) {
                    r.lockHolder = null;
                }
            }
        }

        @Override
        public void editConfig(Datastore target, String config) {
            synchronized (r) {
                op("edit-config");
                int a = config.indexOf('>', config.indexOf("<acl")) + 1;
                r.candidate = FakeRouter.merge(
                        r.candidate, TestPlatform.fromJson(config.substring(a, config.lastIndexOf("</acl>"))));
            }
        }

        @Override
        public void validate(Datastore source) {
            synchronized (r) {
                op("validate");
                if (r.failValidate) {
                    throw new RouterException(
                            RouterException.Kind.RPC_ERROR,
                            "invalid-value: port out of range",
                            "invalid-value",
                            "/acl/filter[name='PORTCULLIS-V4']/term[name='block-smtp']",
                            null,
                            null);
                }
            }
        }

        @Override
        public void commitConfirmed(int timeoutSeconds) {
            synchronized (r) {
                op("commit-confirmed");
                r.preImage = r.confirmSession == null ? r.running : r.preImage;
                r.running = r.candidate;
                if (r.corruptOnCommit) {
                    // the router "accepts" but holds something else (a dry-run that lies)
                    r.running = new FilterIntent(
                            r.name,
                            "test",
                            r.running.filters().stream()
                                    .map(f -> new io.portcullis.intent.Filter(
                                            f.name(),
                                            f.family(),
                                            f.terms().subList(0, f.terms().size() - 1),
                                            f.defaultAction(),
                                            f.description()))
                                    .toList(),
                            r.running.bindings());
                }
                r.confirmSession = id;
            }
            if (r.killAfterConfirmedCommit) {
                kill();
            }
        }

        @Override
        public void commit() {
            synchronized (r) {
                op("commit");
                r.running = r.candidate;
                r.confirmSession = null;
                r.preImage = null;
            }
        }

        @Override
        public void cancelCommit() {
            synchronized (r) {
                op("cancel-commit");
                if (r.confirmSession == null) {
                    throw new RouterException(
                            RouterException.Kind.RPC_ERROR,
                            "no confirmed commit pending",
                            "operation-failed",
                            null,
                            null,
                            null);
                }
                r.running = r.preImage;
                r.candidate = r.preImage;
                r.confirmSession = null;
            }
        }

        @Override
        public void discardChanges() {
            synchronized (r) {
                op("discard-changes");
                r.candidate = r.running;
            }
        }

        /** The server ends the session: locks go, a pending confirmed commit of this session reverts. */
        void kill() {
            synchronized (r) {
                if (closed) {
                    return;
                }
                closed = true;
                if (r.lockHolder != null && r.lockHolder == id) {
                    r.lockHolder = null;
                    r.candidate = r.running;
                }
                if (r.confirmSession != null && r.confirmSession == id) {
                    r.running = r.preImage;
                    r.candidate = r.preImage;
                    r.confirmSession = null;
                }
            }
        }

        @Override
        public void close() {
            synchronized (r) {
                if (!closed) {
                    r.rpcLog.add("close");
                }
                kill();
            }
        }
    }
}
