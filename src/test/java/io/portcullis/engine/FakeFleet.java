package io.portcullis.engine;

import io.portcullis.diff.ChangeExplainer;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.fake.FakeConnector;
import io.portcullis.engine.fake.FakeRouter;
import io.portcullis.engine.fake.TestPlatform;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.PolicyProver;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.targets.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** N fake routers r1..rN with the seed policy as targets. */
final class FakeFleet {
    final FakeConnector connector = new FakeConnector();
    final List<Target> targets = new ArrayList<>();
    PolicyProver prover = new VerifierProver();
    final Engine engine;

    FakeFleet(int n) {
        for (int i = 1; i <= n; i++) {
            connector.add("r" + i);
            targets.add(TestTargets.target("r" + i));
        }
        engine = engineOver(connector);
    }

    /** An engine like this fleet's over another connector (e.g. one that holds a router's read at a chosen moment). */
    Engine engineOver(io.portcullis.engine.router.RouterConnector c) {
        TestPlatform platform = new TestPlatform(false);
        return new Engine(
                new EngineContext(c, id -> platform, new ChangeExplainer(), (a, p) -> prover.violations(a, p)),
                "test-1");
    }

    FakeRouter router(int i) {
        return connector.routers.get("r" + i);
    }

    static ApplyOptions opts() {
        return ApplyOptions.defaults().withLock(1, Duration.ofMillis(10)).withRevertWait(Duration.ofSeconds(2));
    }

    RunReport apply(ApplyOptions o) {
        return engine.apply(targets, o, null, "sha256:p", null, RunListener.NONE);
    }
}
