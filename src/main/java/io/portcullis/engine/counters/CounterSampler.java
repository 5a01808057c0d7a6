package io.portcullis.engine.counters;

import io.portcullis.engine.targets.Target;
import java.util.List;

/** Reads the owned terms' match counters of each router: the port {@code counters} and {@code serve} call. */
public interface CounterSampler {

    /** One sample per target, in target order; a router that cannot be read gets an "unavailable" sample, never an exception. */
    List<CounterSample> sample(List<Target> targets);
}
