package io.portcullis.engine;

import io.portcullis.diff.ChangeExplainer;
import io.portcullis.engine.plan.Wanted;
import io.portcullis.engine.router.RouterConnector;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.platform.ReadResult;
import java.util.List;
import java.util.function.Function;

/**
 * What plan, apply and drift share: how to reach routers, how to understand each platform, how to
 * explain a change and how to prove a read-back. Tests substitute platforms or wrap the connector.
 */
public record EngineContext(RouterConnector connector, Function<String, PlatformAdapter> platforms,
                            ChangeExplainer explainer, PolicyProver prover) {

    public static EngineContext standard(RouterConnector connector, PolicyProver prover) {
        return new EngineContext(connector, Platforms::get, new ChangeExplainer(), prover);
    }

    public PlatformAdapter platform(Target t) {
        return platforms.apply(t.device().platform());
    }

    /** The intent as the platform can hold it: what a read-back is compared with. */
    io.portcullis.intent.FilterIntent wanted(Target t) {
        return platform(t).normalize(t.intent());
    }

    /**
     * Foreign filters bound where we bind (same attach point, family and direction): one sentence
     * each. Empty when none, or when the inventory asks to chain and the platform chains them.
     */
    List<String> foreignConflicts(Target t, ReadResult read) {
        return want(t, read).refusals();
    }

    /** What the router should hold given what it holds: the intent, or its chained form (see {@link Wanted}). */
    public Wanted want(Target t, ReadResult read) {
        return Wanted.of(t, platform(t), read);
    }
}
