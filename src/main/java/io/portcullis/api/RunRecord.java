package io.portcullis.api;

import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunReport;
import java.time.Instant;
import java.util.List;

/**
 * An apply started through the API, as GET /api/runs/{id} shows it while it runs and after: {@code routers}
 * asked for, {@code finished} the outcomes so far, {@code report} the full run report once done, {@code error}
 * one sentence when the run could not run at all.
 */
public record RunRecord(
        String runId,
        State state,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        List<String> routers,
        List<RouterOutcome> finished,
        RunReport report,
        String error) {
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public RunRecord {
        routers = List.copyOf(routers);
        finished = List.copyOf(finished);
    }

    public boolean done() {
        return state != State.RUNNING;
    }
}
