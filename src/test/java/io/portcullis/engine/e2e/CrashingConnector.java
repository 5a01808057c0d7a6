package io.portcullis.engine.e2e;

import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.inventory.Device;
import java.util.Set;

/**
 * Simulates the orchestrator process dying at a chosen point: the wrapped session throws an Error (nothing
 * in the engine catches it, like a kill -9 ends everything) just before the chosen RPC would be sent.
 */
final class CrashingConnector implements RouterConnector {
    enum Point {
        BEFORE_PERSISTENT_COMMIT,
        BEFORE_PERSISTENT_CONFIRM
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash(Point p) {
            super("simulated crash " + p);
        }
    }

    private final RouterConnector inner;
    private final Point point;

    CrashingConnector(RouterConnector inner, Point point) {
        this.inner = inner;
        this.point = point;
    }

    @Override
    public RouterSession open(Device device) {
        RouterSession s = inner.open(device);
        return new RouterSession() {
            @Override
            public Set<String> capabilities() {
                return s.capabilities();
            }

            @Override
            public String getConfig(Datastore source, String subtreeFilter) {
                return s.getConfig(source, subtreeFilter);
            }

            @Override
            public void lock(Datastore target) {
                s.lock(target);
            }

            @Override
            public void unlock(Datastore target) {
                s.unlock(target);
            }

            @Override
            public void editConfig(Datastore target, String config) {
                s.editConfig(target, config);
            }

            @Override
            public void validate(Datastore source) {
                s.validate(source);
            }

            @Override
            public void commitConfirmed(int timeoutSeconds) {
                s.commitConfirmed(timeoutSeconds);
            }

            @Override
            public void commit() {
                s.commit();
            }

            @Override
            public void cancelCommit() {
                s.cancelCommit();
            }

            @Override
            public void discardChanges() {
                s.discardChanges();
            }

            @Override
            public void commitConfirmedPersistent(int timeoutSeconds, String persist) {
                crashAt(Point.BEFORE_PERSISTENT_COMMIT);
                s.commitConfirmedPersistent(timeoutSeconds, persist);
            }

            @Override
            public void extendPersistent(int timeoutSeconds, String persistId) {
                s.extendPersistent(timeoutSeconds, persistId);
            }

            @Override
            public void confirmPersistent(String persistId) {
                crashAt(Point.BEFORE_PERSISTENT_CONFIRM);
                s.confirmPersistent(persistId);
            }

            @Override
            public void cancelPersistent(String persistId) {
                s.cancelPersistent(persistId);
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    private void crashAt(Point p) {
        if (p == point) {
            throw new SimulatedCrash(p);
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
