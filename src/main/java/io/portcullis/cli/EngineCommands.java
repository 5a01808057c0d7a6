package io.portcullis.cli;

import io.portcullis.engine.Engine;
import io.portcullis.engine.VerifierProver;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import java.io.PrintWriter;
import java.util.List;

/** What plan, apply and drift share on the command line: targets from the workspace, the engine. */
final class EngineCommands {
    private EngineCommands() {}

    /** In-scope devices compiled (out-of-scope ones get a note and are left alone). */
    static List<Target> targets(Workspace w, PrintWriter err) {
        w.reportOutOfScope(err);
        return w.targets();
    }

    static Engine engine(NetconfConnector connector) {
        return new Engine(
                EngineContext.standard(connector, new VerifierProver()), io.portcullis.engine.ToolVersion.current());
    }
}
