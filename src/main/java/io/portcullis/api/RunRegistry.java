package io.portcullis.api;

import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunReport;
import java.util.List;
import java.util.Optional;

/**
 * This replica's API runs while they are in flight, so GET /api/runs/{id} can follow one before its record is complete
 * ({@link InMemoryRunRegistry}, bounded). Finished runs are read from the run history database; with recording off
 * ({@code portcullis.db.enabled=false}) the registry is the only record. Each method is one small write or read.
 */
public interface RunRegistry {
    /** Records a new running run and returns it with its id. */
    RunRecord start(String startedBy, List<String> routers);

    void routerFinished(String runId, RouterOutcome outcome);

    /** The run ended with a report (its runId is this run's id). */
    void finish(String runId, RunReport report);

    /** The run could not run (refused before any router was touched, or crashed); {@code error} is one sentence. */
    void fail(String runId, String error);

    Optional<RunRecord> find(String runId);

    /** Newest first, at most {@code limit}. */
    List<RunRecord> recent(int limit);
}
