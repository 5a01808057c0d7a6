package io.portcullis.cli;

import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.memory.RouterLocks;
import io.portcullis.engine.router.RouterText;
import io.portcullis.engine.targets.Target;
import io.portcullis.guard.Guards;
import io.portcullis.store.DbSettings;
import java.io.PrintWriter;
import java.util.List;

/** What plan and drift say about quarantined routers among the ones they looked at (apply would skip them). */
final class QuarantineNotes {
    private QuarantineNotes() {}

    /** The quarantined routers among {@code targets}; empty, with one line on {@code err}, when they cannot be read. */
    static List<Quarantine> among(List<Target> targets, String command, PrintWriter err) {
        try (Guards.Opened g = Guards.open(DbSettings.current(), command)) {
            return g.guard().memory().quarantined().stream()
                    .filter(q -> targets.stream().anyMatch(t -> q.covers(t.name(), RouterLocks.key(t.device()))))
                    .toList();
        } catch (RuntimeException e) {
            err.println("portcullis " + command + ": quarantined routers cannot be shown (" + e.getMessage() + ")");
            return List.of();
        }
    }

    /** One line per quarantined router. */
    static void print(List<Quarantine> quarantined, PrintWriter out) {
        for (Quarantine q : quarantined) {
            out.println("QUARANTINED " + RouterText.oneLine(q.describe()));
        }
        out.flush();
    }
}
