package io.portcullis.engine.apply;

import io.portcullis.engine.router.Datastore;
import io.portcullis.engine.router.Observed;
import io.portcullis.engine.router.RouterException;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.platform.PlatformAdapter;

/**
 * On a router with a separate startup datastore (:startup), what apply proved in running survives a reboot only
 * after copy-config running → startup (D.3 #26): without it, the next reboot silently brings back the old filters
 * and the promise is broken until drift notices. Saved after the confirm, and proven by reading startup back.
 * Routers without :startup (Junos, IOS-XR, SR OS over NETCONF) persist every commit themselves.
 */
final class StartupSave {
    private StartupSave() {}

    static boolean applies(RouterSession s) {
        return s.hasCapability(RouterSession.STARTUP);
    }

    /** Whether startup holds the managed configuration whose digest running was just read back with. */
    static boolean inStep(RouterSession s, Target t, PlatformAdapter platform, String runningDigest) {
        return Observed.read(s, t, platform, Datastore.STARTUP).digest().equals(runningDigest);
    }

    /** Null when saved and read back equal to running, else why not (one clause, for the outcome message). */
    static String save(RouterSession s, Target t, PlatformAdapter platform, String runningDigest) {
        try {
            s.copyRunningToStartup();
            return inStep(s, t, platform, runningDigest)
                    ? null
                    : "startup read back after copy-config differs from running";
        } catch (RouterException e) {
            return "copy-config running → startup failed: " + e.getMessage();
        }
    }

    static String notSavedMessage(String router, String why) {
        return "but NOT saved to startup (" + why + "): " + router + " would lose the policy at its next reboot;"
                + " run apply again, or copy running to startup by hand";
    }
}
