package io.portcullis.cli;

import io.portcullis.diff.Change;
import io.portcullis.diff.FateChange;
import io.portcullis.engine.plan.RouterPlan;
import java.io.PrintWriter;
import java.util.List;

/** Human output of plan and drift: per router the classified change, packet fates, platform diff. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    /**
     * A change as drift states it: the kind as classified ("filter missing" = the router lacks what the
     * policy wants, so "missing on router"), the detail turned to read policy → router like the packet impact.
     */
    static String driftLine(Change c) {
        String label = c.kind().label();
        String line = c.withDetailReversed().describe();
        return label.endsWith("missing") || label.endsWith("extra") ? label + " on router" + line.substring(label.length()) : line;
    }

    /** @param drift true for drift wording (router vs policy), false for plan (what apply would do) */
    static void print(List<RouterPlan> plans, boolean drift, boolean verbose, PrintWriter out) {
        for (RouterPlan p : plans) {
            switch (p.status()) {
                case IN_SYNC -> out.println(p.router() + " (" + p.platform() + "): in sync");
                case ERROR -> out.println(p.router() + " (" + p.platform() + "): NOT CHECKED, " + p.errorKind() + ": " + p.error());
                case CHANGES -> {
                    int n = p.changes().diff().changes().size();
                    out.println(p.router() + " (" + p.platform() + "): " + (drift ? "DRIFT, " : "") + n + " change" + (n == 1 ? "" : "s"));
                    for (Change c : p.changes().diff().changes()) {
                        out.println("  " + (drift ? driftLine(c) : c.describe()));
                    }
                    List<FateChange> fates = drift ? p.changes().reverseFates() : p.changes().fates();
                    if (!fates.isEmpty()) {
                        out.println(drift ? "  packet impact (policy → router now):" : "  packet fates (now → after apply):");
                        fates.forEach(f -> out.println("    " + f.describe()));
                    }
                    String text = drift ? p.changes().reverseText() : p.changes().forwardText();
                    if (!text.isEmpty()) {
                        out.println(drift ? "  router differs from policy (" + p.platform() + " terms):" : "  change (" + p.platform() + " terms):");
                        text.lines().forEach(l -> out.println("    " + l));
                    }
                    if (!drift && !p.changes().reverseText().isEmpty()) {
                        out.println("  reverse change:");
                        p.changes().reverseText().lines().forEach(l -> out.println("    " + l));
                    }
                }
            }
            p.warnings().forEach(w -> out.println("  warning: " + w));
        }
        long changed = plans.stream().filter(p -> p.status() == RouterPlan.Status.CHANGES).count();
        long inSync = plans.stream().filter(p -> p.status() == RouterPlan.Status.IN_SYNC).count();
        long errors = plans.stream().filter(p -> p.status() == RouterPlan.Status.ERROR).count();
        out.println((drift ? "Drift: " + changed + " drifted" : "Plan: " + changed + " to change") + ", " + inSync + " in sync, "
                + errors + " not checked (unreachable or unreadable).");
        out.flush();
    }
}
