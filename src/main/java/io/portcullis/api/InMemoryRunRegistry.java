package io.portcullis.api;

import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The last {@code capacity} runs of this process; the oldest finished ones are dropped first, running ones never. */
public final class InMemoryRunRegistry implements RunRegistry {
    private final int capacity;
    private final Clock clock;
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();

    public InMemoryRunRegistry(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized RunRecord start(String startedBy, List<String> routers) {
        RunRecord r = new RunRecord(
                UUID.randomUUID().toString(),
                RunRecord.State.RUNNING,
                startedBy,
                clock.instant(),
                null,
                routers,
                List.of(),
                null,
                null);
        runs.put(r.runId(), r);
        trim();
        return r;
    }

    @Override
    public synchronized void routerFinished(String runId, RouterOutcome outcome) {
        RunRecord r = runs.get(runId);
        if (r != null && !r.done()) {
            List<RouterOutcome> done = new ArrayList<>(r.finished());
            done.add(outcome);
            runs.put(
                    runId,
                    new RunRecord(runId, r.state(), r.startedBy(), r.startedAt(), null, r.routers(), done, null, null));
        }
    }

    @Override
    public synchronized void finish(String runId, RunReport report) {
        RunRecord r = runs.get(runId);
        if (r != null) {
            runs.put(
                    runId,
                    new RunRecord(
                            runId,
                            report.success() ? RunRecord.State.SUCCEEDED : RunRecord.State.FAILED,
                            r.startedBy(),
                            r.startedAt(),
                            clock.instant(),
                            r.routers(),
                            report.routers(),
                            report,
                            null));
        }
    }

    @Override
    public synchronized void fail(String runId, String error) {
        RunRecord r = runs.get(runId);
        if (r != null) {
            runs.put(
                    runId,
                    new RunRecord(
                            runId,
                            RunRecord.State.FAILED,
                            r.startedBy(),
                            r.startedAt(),
                            clock.instant(),
                            r.routers(),
                            r.finished(),
                            null,
                            error));
        }
    }

    @Override
    public synchronized Optional<RunRecord> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<RunRecord> recent(int limit) {
        List<RunRecord> all = new ArrayList<>(runs.values());
        Collections.reverse(all);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private void trim() {
        var it = runs.values().iterator();
        while (runs.size() > capacity && it.hasNext()) {
            if (it.next().done()) {
                it.remove();
            }
        }
    }
}
