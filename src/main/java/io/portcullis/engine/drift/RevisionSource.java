package io.portcullis.engine.drift;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the service learns which revision each router got: the run history (the api package adapts the store to
 * this port, so drift code never sees the database). Every method may throw a RuntimeException with one sentence
 * when the history cannot be read; {@link DesiredState} then keeps what it knew last.
 */
public interface RevisionSource {
    /** Per router, the revision last applied successfully to it (by anyone: CI, the API, remediation). */
    Map<String, RevisionRef> applied();

    /** The revision some run applied most recently, if any. */
    Optional<RevisionRef> newest();

    /** The policy documents (file name → text) of a recorded revision. */
    Optional<Map<String, String>> documents(String digest);

    /** Router-changing runs in progress now, one description each ("apply run 1a2b3c4d (started … by ci)"). */
    List<String> openRuns();

    /** No history (recording switched off): every router is compared with the loaded policy, as before. */
    RevisionSource NONE = new RevisionSource() {
        @Override
        public Map<String, RevisionRef> applied() {
            return Map.of();
        }

        @Override
        public Optional<RevisionRef> newest() {
            return Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> documents(String digest) {
            return Optional.empty();
        }

        @Override
        public List<String> openRuns() {
            return List.of();
        }
    };
}
