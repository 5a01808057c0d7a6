package io.portcullis.recording;

import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.store.RouterRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An apply's listener that records each router's outcome once: an apply gives every router's final outcome again when
 * it ends (under {@code --on-failure revert} a provisional outcome is replaced by its final one), and only an outcome
 * that differs from the one recorded for the router is written again. Before, every router was written twice per
 * apply, which doubled what recording cost (docs/benchmarks.md, "Run history").
 */
public final class OutcomesOnce implements RunListener {
    private final Consumer<RouterRecord> write;
    /** The outcome recorded last for each router (routers finish on many threads). */
    private final Map<String, RouterOutcome> recorded = new ConcurrentHashMap<>();

    public OutcomesOnce(Consumer<RouterRecord> write) {
        this.write = write;
    }

    @Override
    public void routerFinished(RouterOutcome o) {
        if (o.equals(recorded.put(o.router(), o))) {
            return;
        }
        write.accept(RouterRecords.outcome(o));
    }
}
