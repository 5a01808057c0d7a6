package io.portcullis.engine.fake;

import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Ownership;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A stateful in-memory router for engine unit tests: running and candidate, a candidate lock,
 * confirmed commit that reverts when its session ends, an RPC log, and a few switchable faults.
 */
public final class FakeRouter {
    public final String name;
    public final List<String> rpcLog = Collections.synchronizedList(new ArrayList<>());
    FilterIntent running;
    FilterIntent candidate;
    Integer lockHolder;
    Integer confirmSession;
    FilterIntent preImage;
    int sessions;
    public Set<String> capabilities = Set.of(
            "urn:ietf:params:netconf:capability:candidate:1.0",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
            "urn:ietf:params:netconf:capability:validate:1.1");
    // faults
    public volatile boolean unreachable;
    public volatile boolean failValidate;
    public volatile boolean killAfterConfirmedCommit;
    public volatile boolean corruptOnCommit;

    public FakeRouter(String name) {
        this.name = name;
        this.running = new FilterIntent(name, "test", List.of(), List.of());
        this.candidate = running;
    }

    public synchronized FilterIntent running() {
        return running;
    }

    public synchronized void setRunning(FilterIntent i) {
        running = i;
        candidate = i;
    }

    /** Someone else's session edits the candidate and keeps it uncommitted. */
    public synchronized void dirtyCandidate(FilterIntent i) {
        candidate = i;
    }

    public synchronized void holdLock(int session) {
        lockHolder = session;
    }

    public List<String> writes() {
        synchronized (rpcLog) {
            return rpcLog.stream()
                    .filter(r -> !r.equals("get-config") && !r.equals("hello") && !r.equals("close"))
                    .toList();
        }
    }

    /** edit-config merge as the test platform means it: owned filters/bindings replaced, foreign kept. */
    static FilterIntent merge(FilterIntent base, FilterIntent owned) {
        List<Filter> f = new ArrayList<>(base.filters().stream()
                .filter(x -> !Ownership.isOwned(x.name()))
                .toList());
        f.addAll(owned.filters());
        List<Binding> b = new ArrayList<>(base.bindings().stream()
                .filter(x -> !Ownership.isOwned(x.filterName()))
                .toList());
        b.addAll(owned.bindings());
        return new FilterIntent(base.device(), base.platform(), f, b);
    }
}
