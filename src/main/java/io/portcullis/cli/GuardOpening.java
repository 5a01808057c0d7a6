package io.portcullis.cli;

import io.portcullis.engine.memory.RouterMemory;
import io.portcullis.guard.Guards;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An apply's router guard (quarantine and router locks, in the database when recording is on), opened on a thread of
 * its own while the command reads its policy and inventory. In a fresh process the first connection to the database
 * costs most of a second (H2's or the driver's classes, the pool's, the file or the login), and the main thread is
 * busy on one core meanwhile: opened beside it, that second is mostly hidden (docs/benchmarks.md, issue 9).
 *
 * <p>A database that cannot be used never stops a run (as recording never does): {@link #get} then says so in one
 * line and falls back to the state file and this process's own locks, as before.
 */
final class GuardOpening {
    private final String actor;
    private final CompletableFuture<Guards.Opened> opening;

    private GuardOpening(String actor, CompletableFuture<Guards.Opened> opening) {
        this.actor = actor;
        this.opening = opening;
    }

    /** Starts opening the guard of {@code actor}; settings that cannot be read fail at {@link #get}, as the open does. */
    static GuardOpening start(String actor) {
        CompletableFuture<Guards.Opened> opening;
        try {
            DbSettings settings = DbSettings.current(); // read here: the configuration belongs to the command's thread
            opening = CompletableFuture.supplyAsync(() -> Guards.open(settings, actor), r -> {
                Thread t = new Thread(r, "portcullis-guard-open");
                t.setDaemon(true);
                t.start();
            });
        } catch (StoreException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        return new GuardOpening(actor, opening);
    }

    /** The opened guard, waited for; when the database cannot be used, the state file's, said in one line. */
    Guards.Opened get(PrintWriter err) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof StoreException) && !(e.getCause() instanceof RouterMemory.MemoryException)) {
                throw e;
            }
            err.println("portcullis apply: quarantine and router locks are taken from "
                    + Guards.stateDir().resolve("routers.json")
                    + " and this process only, because the database cannot be used ("
                    + e.getCause().getMessage()
                    + ")");
            return Guards.open(DbSettings.off(), actor);
        }
    }

    /** The command ends without applying: the guard is closed once it is open (its pool and lock renewer with it). */
    void abandon() {
        opening.thenAccept(Guards.Opened::close);
    }
}
