package io.portcullis.verify;

import java.util.List;

/** The verifier's answer: a {@link Proof} or {@link Disproof} (violations with counterexamples). */
public sealed interface VerificationResult permits Proof, Disproof {

    String device();

    /** Obligations checked (one line each). */
    List<String> obligations();

    /** Packet classes checked (each class at each attach point counts once). */
    long packetClasses();

    List<FilterStats> filterStats();

    default boolean proven() {
        return this instanceof Proof;
    }

    default List<Violation> violations() {
        return this instanceof Disproof d ? d.found() : List.of();
    }
}
