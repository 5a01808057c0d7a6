package io.portcullis.engine.apply;

import io.portcullis.diff.Change;
import io.portcullis.diff.IntentComparator;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.targets.Target;
import java.util.List;

/**
 * The proof a transaction makes of what it read back (the candidate before the commit, running after it and after
 * the confirm): the managed configuration equals the intent exactly and keeps the promise. A chained router is proven
 * on what it applies, the operator's filter with our entries merged in; what could not be proven there goes into the
 * outcome's note. Success is never a router's {@code <ok/>}, always this proof.
 */
final class ReadBackProof {
    private final EngineContext ctx;
    private final Target t;
    private final TransactionState state;

    ReadBackProof(EngineContext ctx, Target t, TransactionState state) {
        this.ctx = ctx;
        this.t = t;
        this.state = state;
    }

    /** Null when {@code what} (the candidate, the read-back of running) holds exactly the intent and it keeps the promise. */
    String problem(Observed read, String what) {
        Wanted want = state.want;
        IntentDiff d = IntentComparator.compare(want.owned(), read.read().intent());
        if (!d.inSync()) {
            List<String> all = d.changes().stream().map(Change::describe).toList();
            return what + " differs from the policy: " + String.join("; ", all.subList(0, Math.min(5, all.size())))
                    + (all.size() > 5 ? " and " + (all.size() - 5) + " more" : "");
        }
        if (want.chained()) {
            // proven on what the router applies: the operator's filter with our entries merged in
            Wanted.ChainProof p = want.prove(read.read().intent(), read.read(), t.promise());
            if (!p.failures().isEmpty()) {
                return "the chained configuration in " + what + " does not keep the policy: "
                        + p.failures().get(0);
            }
            state.provenNote = p.operatorDrops().isEmpty()
                    ? " (chained into the operator's filter)"
                    : " (chained; blocked flows proven dropped, but NOT proven that every other port works: "
                            + p.operatorDrops().get(0)
                            + (p.operatorDrops().size() > 1
                                    ? " and " + (p.operatorDrops().size() - 1) + " more"
                                    : "") + ")";
            return null;
        }
        List<String> violations = ctx.prover().violations(read.read().intent(), t.promise());
        if (!violations.isEmpty()) {
            return "the configuration in " + what + " does not keep the policy: " + violations.get(0);
        }
        return null;
    }
}
