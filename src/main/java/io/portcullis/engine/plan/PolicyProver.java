package io.portcullis.engine.plan;

import io.portcullis.engine.VerifierProver;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import java.util.List;

/**
 * Proves that what a router holds keeps the promise. Empty list = proven; otherwise one sentence
 * per violation (a counterexample packet and the deciding term). {@link VerifierProver} adapts the
 * verifier.
 */
@FunctionalInterface
public interface PolicyProver {
    List<String> violations(FilterIntent actual, Promise promise);
}
