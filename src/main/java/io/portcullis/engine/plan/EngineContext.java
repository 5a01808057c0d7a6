package io.portcullis.engine.plan;

import io.portcullis.diff.ChangeExplainer;
import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.registry.Platforms;
import java.util.function.Function;

/**
 * What plan, apply and drift share: how to reach routers, how to understand each platform, how to
 * explain a change and how to prove a read-back. Tests substitute platforms or wrap the connector.
 */
public record EngineContext(
        RouterConnector connector,
        Function<String, PlatformAdapter> platforms,
        ChangeExplainer explainer,
        PolicyProver prover,
        RouterGuard guard) {

    /** With this JVM's router locks and a memory kept in this process only (tests, benchmarks). */
    public EngineContext(
            RouterConnector connector,
            Function<String, PlatformAdapter> platforms,
            ChangeExplainer explainer,
            PolicyProver prover) {
        this(connector, platforms, explainer, prover, RouterGuard.inProcess());
    }

    /** The same context with the caller's memory and router locks (the database, a state file). */
    public EngineContext withGuard(RouterGuard g) {
        return new EngineContext(connector, platforms, explainer, prover, g);
    }

    public static EngineContext standard(RouterConnector connector, PolicyProver prover) {
        return new EngineContext(connector, Platforms::get, new ChangeExplainer(), prover);
    }

    public PlatformAdapter platform(Target t) {
        return platforms.apply(t.device().platform());
    }

    /** What the router should hold given what it holds: the intent, or its chained form (see {@link Wanted}). */
    public Wanted want(Target t, ReadResult read) {
        return Wanted.of(t, platform(t), read);
    }
}
