package io.portcullis.engine.report;

/** Progress of an apply, for the terminal display and the service's run log. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void started(int routers) {}

    default void routerStarted(String router) {}

    default void routerFinished(RouterOutcome outcome) {}

    default void halted(String why) {}

    /** --on-failure revert: the run's decision after phase 1 (confirming all, or cancelling all and why). */
    default void decided(String what) {}
}
