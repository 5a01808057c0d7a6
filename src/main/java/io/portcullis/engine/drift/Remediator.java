package io.portcullis.engine.drift;

import io.portcullis.engine.Engine;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Puts a drifted router back to the revision last applied to it — never the policy the service happens to hold,
 * never an older revision — and only when nobody else is changing routers: not while another run is open in the
 * history (a CI apply, an API apply, another replica's remediation), not while this service already works on that
 * router. A skipped remediation says why at INFO and is tried again at the next check that still sees the drift.
 * Every remediation is logged at INFO before and after, and reported to the listener, which records it as a run.
 */
public final class Remediator {
    private static final Logger LOG = Logger.getLogger(Remediator.class);

    /** What happened: the outcome, or why nothing was done. */
    public record Result(RouterOutcome outcome, String skipped) {
        public boolean applied() {
            return outcome != null && outcome.state().success();
        }
    }

    private final Engine engine;
    private final ApplyOptions options;
    private final Supplier<List<String>> busy;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    /**
     * @param busy router-changing runs in progress (the history's open runs and this service's own API run), one
     *             description each; a failure to read them counts as busy (better late than on top of a rollout)
     */
    public Remediator(Engine engine, ApplyOptions options, Supplier<List<String>> busy) {
        this.engine = engine;
        this.options = options;
        this.busy = busy;
    }

    public Result remediate(DesiredState.Desired d, BiConsumer<RouterOutcome, RevisionRef> done) {
        String router = d.router();
        if (!claimed.add(router)) {
            return skip(router, "a remediation of it is already running here");
        }
        try {
            List<String> open;
            try {
                open = new ArrayList<>(busy.get());
            } catch (RuntimeException e) {
                return skip(router, "the runs in progress cannot be read (" + e.getMessage() + ")");
            }
            if (!open.isEmpty()) {
                return skip(router, String.join(", ", open) + " may hold it");
            }
            LOG.infof(
                    "remediation of %s: re-applying revision %s, the one last applied to it%s",
                    router, d.appliedRef().label(), d.note() == null ? "" : " (" + d.note() + ")");
            RunReport r = engine.apply(
                    List.of(d.applied()), options, null, d.appliedRef().digest(), "remediation", RunListener.NONE);
            RouterOutcome o = r.routers().get(0);
            done.accept(o, d.appliedRef());
            if (o.state().success()) {
                LOG.infof(
                        "remediation of %s: %s, revision %s restored",
                        router, o.state(), d.appliedRef().label());
            } else {
                LOG.warnf("remediation of %s: %s (%s)", router, o.state(), o.message());
            }
            return new Result(o, null);
        } finally {
            claimed.remove(router);
        }
    }

    private static Result skip(String router, String why) {
        LOG.infof("remediation of %s skipped: %s; the next check tries again if it still drifts", router, why);
        return new Result(null, why);
    }
}
