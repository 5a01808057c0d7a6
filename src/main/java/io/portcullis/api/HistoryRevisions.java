package io.portcullis.api;

import io.portcullis.engine.drift.RevisionRef;
import io.portcullis.engine.drift.RevisionSource;
import io.portcullis.store.AppliedRevision;
import io.portcullis.store.OpenRun;
import io.portcullis.store.PolicySnapshot;
import io.portcullis.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run history as the drift monitor's {@link RevisionSource}: which revision each router got, the documents of a
 * revision, the router-changing runs in progress (in the database, from any process, plus this service's own API
 * applies, which may not be written yet). A run that never finished (its process died) stops counting as in
 * progress after {@link #OPEN_RUN_WINDOW}.
 */
final class HistoryRevisions implements RevisionSource {
    static final Duration OPEN_RUN_WINDOW = Duration.ofMinutes(30);

    private final RunStore store;
    private final Set<String> localRuns = ConcurrentHashMap.newKeySet();

    HistoryRevisions(RunStore store) {
        this.store = store;
    }

    /** This service started a router-changing run (an API apply): remediation waits until {@link #released}. */
    void holding(String runId) {
        localRuns.add(runId);
    }

    void released(String runId) {
        localRuns.remove(runId);
    }

    @Override
    public Map<String, RevisionRef> applied() {
        Map<String, RevisionRef> out = new LinkedHashMap<>();
        for (AppliedRevision a : store.appliedRevisions()) {
            out.put(a.router(), new RevisionRef(a.policyDigest(), a.policyRevision(), a.appliedAt()));
        }
        return out;
    }

    @Override
    public Optional<RevisionRef> newest() {
        return store.newestPolicy().map(s -> new RevisionRef(s.digest(), s.revision(), s.recordedAt()));
    }

    @Override
    public Optional<Map<String, String>> documents(String digest) {
        return store.policy(digest).map(PolicySnapshot::documents);
    }

    @Override
    public List<String> openRuns() {
        List<String> out = new ArrayList<>();
        localRuns.forEach(
                id -> out.add("API apply run " + id.substring(0, Math.min(8, id.length())) + " (this service)"));
        for (OpenRun r : store.openRuns(Instant.now().minus(OPEN_RUN_WINDOW))) {
            if (!localRuns.contains(r.id())) {
                out.add(r.describe());
            }
        }
        return out;
    }
}
