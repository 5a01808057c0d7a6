package io.portcullis.diff;

import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import java.util.List;

/**
 * Says which packets a change makes the router treat differently. The diff only needs this
 * much; {@link VerifierFateOracle} answers it with the verifier's packet classes and evaluation.
 */
public interface FateOracle {
    /** Packets whose fate differs between {@code before} and {@code after} at the promise's attach points. */
    List<FateChange> delta(FilterIntent before, FilterIntent after, Promise promise);
}
