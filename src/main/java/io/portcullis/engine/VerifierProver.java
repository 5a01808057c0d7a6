package io.portcullis.engine;

import io.portcullis.engine.plan.PolicyProver;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.verify.Disproof;
import io.portcullis.verify.Verifier;
import io.portcullis.verify.Violation;
import java.util.List;

/** The packet-level proof of the verifier, as the engine's prover of read-backs. */
public final class VerifierProver implements PolicyProver {
    @Override
    public List<String> violations(FilterIntent actual, Promise promise) {
        if (Verifier.verify(actual, promise) instanceof Disproof d) {
            return d.found().stream().map(Violation::describe).toList();
        }
        return List.of();
    }
}
