package io.portcullis.cli;

import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;

/** The terminal progress and the history recorder listen to the same apply. */
record BothListeners(RunListener first, RunListener second) implements RunListener {
    @Override
    public void started(int routers) {
        first.started(routers);
        second.started(routers);
    }

    @Override
    public void routerStarted(String router) {
        first.routerStarted(router);
        second.routerStarted(router);
    }

    @Override
    public void routerFinished(RouterOutcome outcome) {
        first.routerFinished(outcome);
        second.routerFinished(outcome);
    }

    @Override
    public void halted(String why) {
        first.halted(why);
        second.halted(why);
    }

    @Override
    public void decided(String what) {
        first.decided(what);
        second.decided(what);
    }
}
