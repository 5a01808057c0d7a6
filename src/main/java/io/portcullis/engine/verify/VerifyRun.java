package io.portcullis.engine.verify;

import io.portcullis.engine.Workspace;
import io.portcullis.inventory.Device;
import io.portcullis.policy.PublishedPromise;
import io.portcullis.verify.EquivalenceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One offline verify run over a set of devices: each device's proofs, then the cross-platform
 * comparison of their read-backs, then every in-scope device against the published promise.
 *
 * @param promise       the published promise proven, or null when there is no {@code promise.yaml} beside the policy
 * @param promiseChecks one per in-scope device (empty without a promise)
 */
public record VerifyRun(
        List<RouterVerification> devices,
        List<EquivalenceResult> crossPlatform,
        PublishedPromise promise,
        List<PromiseCheck> promiseChecks) {

    /** The run as a whole: any device not verified is an error; else any violation or disagreement. */
    public enum Outcome {
        PROVEN,
        VIOLATED,
        ERROR
    }

    public VerifyRun {
        devices = List.copyOf(devices);
        crossPlatform = List.copyOf(crossPlatform);
        promiseChecks = List.copyOf(promiseChecks);
    }

    /** A run without a published promise. */
    public VerifyRun(List<RouterVerification> devices, List<EquivalenceResult> crossPlatform) {
        this(devices, crossPlatform, null, List.of());
    }

    public static VerifyRun of(Workspace workspace, List<Device> devices) {
        return of(workspace, devices, r -> {});
    }

    /** As above, telling {@code done} about each device once verified (progress output). */
    public static VerifyRun of(
            Workspace workspace, List<Device> devices, java.util.function.Consumer<RouterVerification> done) {
        List<RouterVerification> results = new ArrayList<>(devices.size());
        for (Device d : devices) {
            RouterVerification r = RouterVerification.run(workspace.compile(d));
            results.add(r);
            done.accept(r);
        }
        PublishedPromise promise = workspace.promise().orElse(null);
        List<PromiseCheck> checks = new ArrayList<>();
        if (promise != null) {
            for (RouterVerification d : results) {
                if (d.compiledResult() != null) {
                    checks.add(PromiseCheck.of(promise, d));
                }
            }
        }
        return new VerifyRun(results, CrossPlatformCheck.run(results), promise, checks);
    }

    public Outcome outcome() {
        boolean error = devices.stream().anyMatch(r -> r.error() != null);
        boolean violated = devices.stream().anyMatch(r -> r.status() == RouterVerification.Status.VIOLATED)
                || crossPlatform.stream().anyMatch(e -> !e.equivalent())
                || promiseChecks.stream().anyMatch(c -> !c.proven());
        return error ? Outcome.ERROR : violated ? Outcome.VIOLATED : Outcome.PROVEN;
    }
}
