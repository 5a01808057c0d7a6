package io.portcullis.engine.verify;

import io.portcullis.compile.PublishedPromises;
import io.portcullis.policy.PublishedPromise;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Verifier;

/**
 * One device's compiled IR and rendered read-back proven against the published promise ({@code promise.yaml}),
 * not only against the policy's own promise: a policy change that weakens what subscribers were promised fails
 * here with a counterexample packet even when the policy proves its own, weaker promise.
 *
 * @param readBack null when the device's rendering or reading failed (its own verification says why)
 */
public record PromiseCheck(String device, String platform, VerificationResult compiled, VerificationResult readBack) {

    static PromiseCheck of(PublishedPromise published, RouterVerification d) {
        var promise = PublishedPromises.forDevice(published, d.compiled());
        VerificationResult compiled = Verifier.verify(d.compiled().intent(), promise);
        VerificationResult readBack = d.readBack() == null ? null : Verifier.verify(d.readBack(), promise);
        return new PromiseCheck(d.name(), d.platform(), compiled, readBack);
    }

    public boolean proven() {
        return compiled.proven() && (readBack == null || readBack.proven());
    }
}
