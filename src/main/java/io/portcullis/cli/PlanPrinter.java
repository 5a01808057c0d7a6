package io.portcullis.cli;

import io.portcullis.diff.Change;
import io.portcullis.diff.FateChange;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.router.RouterText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Human output of plan and drift, sized for a merge request: routers whose change is identical (same platform, same
 * changes, fates and native diff, same warnings) are printed once as a group; routers in sync are one line unless
 * {@code --verbose}; the reverse change only on request; each router or group in a collapsible CI section; a summary
 * table per platform at the end.
 */
final class PlanPrinter {
    /** Names listed in a group's or the in-sync line before "+N more" (all of them with --verbose). */
    static final int NAMES_SHOWN = 5;

    /**
     * @param drift       drift wording (router vs policy) instead of plan wording (what apply would do)
     * @param showReverse print the reverse change of a plan (always in JSON)
     */
    record Options(boolean drift, boolean verbose, boolean showReverse, OutputStyle style) {}

    private PlanPrinter() {}

    /** A change as drift states it (see {@link Change#describeAsDrift()}). */
    static String driftLine(Change c) {
        return c.describeAsDrift();
    }

    /** @param drift true for drift wording (router vs policy), false for plan (what apply would do) */
    static void print(List<RouterPlan> plans, boolean drift, boolean verbose, PrintWriter out) {
        print(plans, new Options(drift, verbose, false, OutputStyle.PLAIN), out);
    }

    static void print(List<RouterPlan> plans, Options o, PrintWriter out) {
        Map<String, List<RouterPlan>> groups = new LinkedHashMap<>();
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        List<RouterPlan> inSync = new ArrayList<>();
        int section = 0;
        for (RouterPlan p : plans) {
            switch (p.status()) {
                case CHANGES -> {
                    List<String> body = body(p, o);
                    String key = p.platform() + '\n' + String.join("\n", body);
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                    bodies.putIfAbsent(key, body);
                }
                case IN_SYNC -> inSync.add(p);
                case ERROR -> {
                    // an unreachable router is never grouped away: each one needs looking at
                    out.println(o.style()
                            .bold(p.router() + " (" + p.platform() + "): NOT CHECKED, " + p.errorKind() + ": "
                                    + RouterText.oneLine(p.error())));
                    p.warnings().forEach(w -> out.println("  warning: " + w));
                }
            }
        }
        for (Map.Entry<String, List<RouterPlan>> g : groups.entrySet()) {
            List<RouterPlan> members = g.getValue();
            RouterPlan first = members.get(0);
            int n = first.changes().diff().changes().size();
            String count = n + " change" + (n == 1 ? "" : "s");
            String header = members.size() == 1
                    ? first.router() + " (" + first.platform() + "): " + (o.drift() ? "DRIFT, " : "") + count
                    : names(members, o.verbose()) + " (" + members.size() + " " + first.platform() + " routers): "
                            + (o.drift() ? "DRIFT, " : "") + "the same " + count;
            String id = "portcullis_" + (o.drift() ? "drift_" : "plan_") + ++section;
            out.println(o.style().sectionStart(id, header));
            bodies.get(g.getKey()).forEach(out::println);
            String end = o.style().sectionEnd(id);
            if (end != null) {
                out.println(end);
            }
        }
        if (!inSync.isEmpty()) {
            if (o.verbose() || inSync.size() <= NAMES_SHOWN) {
                inSync.forEach(p -> {
                    out.println(p.router() + " (" + p.platform() + "): in sync");
                    p.warnings().forEach(w -> out.println("  warning: " + w));
                });
            } else {
                out.println("in sync: " + inSync.size() + " routers (" + names(inSync, false) + ")");
                inSync.stream().filter(p -> !p.warnings().isEmpty()).forEach(p -> p.warnings()
                        .forEach(w -> out.println("  warning: " + p.router() + ": " + w)));
            }
        }
        summary(plans, o, out);
        out.flush();
    }

    /** The lines under a router's header: changes, packet fates, native diff, optionally the reverse, warnings. */
    private static List<String> body(RouterPlan p, Options o) {
        List<String> lines = new ArrayList<>();
        boolean drift = o.drift();
        // names, descriptions and native text below are read from the router: one printable line each, so a hostile
        // router
        // cannot forge lines ("Plan: 0 to change") or drive the terminal
        for (Change c : p.changes().diff().changes()) {
            lines.add("  " + RouterText.oneLine(drift ? driftLine(c) : c.describe()));
        }
        List<FateChange> fates =
                drift ? p.changes().reverseFates() : p.changes().fates();
        if (!fates.isEmpty()) {
            lines.add(drift ? "  packet impact (policy → router now):" : "  packet fates (now → after apply):");
            fates.forEach(f -> lines.add("    " + RouterText.oneLine(f.describe())));
        }
        String text = withoutRouterName(
                drift ? p.changes().reverseText() : p.changes().forwardText(), p.router());
        if (!text.isEmpty()) {
            lines.add(
                    drift
                            ? "  router differs from policy (" + p.platform() + " terms):"
                            : "  change (" + p.platform() + " terms):");
            text.lines().forEach(l -> lines.add("    " + o.style().diffLine(RouterText.oneLine(l))));
        }
        if (!drift && o.showReverse() && !p.changes().reverseText().isEmpty()) {
            lines.add("  reverse change:");
            withoutRouterName(p.changes().reverseText(), p.router())
                    .lines()
                    .forEach(l -> lines.add("    " + o.style().diffLine(RouterText.oneLine(l))));
        }
        p.warnings().forEach(w -> lines.add("  warning: " + RouterText.oneLine(w)));
        return lines;
    }

    /**
     * The native diff's header names the router ({@code --- r1 (running)} / {@code +++ r1 (policy)}); the router or group
     * header above already does. Left in, it makes every router's body unique and nothing groups: a 500-router lab plan
     * printed 28,090 lines instead of one block per platform. The JSON document keeps the named text.
     */
    static String withoutRouterName(String diff, String router) {
        return diff.replace("--- " + router + " (", "--- (").replace("+++ " + router + " (", "+++ (");
    }

    private static String names(List<RouterPlan> plans, boolean all) {
        int shown = all ? plans.size() : Math.min(NAMES_SHOWN, plans.size());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(plans.get(i).router());
        }
        if (shown < plans.size()) {
            sb.append(" … +").append(plans.size() - shown).append(" more");
        }
        return sb.toString();
    }

    /** Per platform: how many routers change (drift), are in sync, could not be checked; then the one-line total. */
    private static void summary(List<RouterPlan> plans, Options o, PrintWriter out) {
        Map<String, long[]> perPlatform = new TreeMap<>();
        for (RouterPlan p : plans) {
            perPlatform
                    .computeIfAbsent(p.platform(), k -> new long[3])[
                    p.status() == RouterPlan.Status.CHANGES ? 0 : p.status() == RouterPlan.Status.IN_SYNC ? 1 : 2]++;
        }
        long changed = plans.stream()
                .filter(p -> p.status() == RouterPlan.Status.CHANGES)
                .count();
        long inSync = plans.stream()
                .filter(p -> p.status() == RouterPlan.Status.IN_SYNC)
                .count();
        long errors = plans.stream()
                .filter(p -> p.status() == RouterPlan.Status.ERROR)
                .count();
        if (perPlatform.size() > 1) {
            String changeColumn = o.drift() ? "drifted" : "to change";
            out.println(o.style()
                    .bold(String.format("%-12s %10s %8s %12s", "platform", changeColumn, "in sync", "not checked")));
            perPlatform.forEach(
                    (platform, c) -> out.println(String.format("%-12s %10d %8d %12d", platform, c[0], c[1], c[2])));
            out.println(String.format("%-12s %10d %8d %12d", "total", changed, inSync, errors));
        }
        out.println(o.style()
                .bold((o.drift() ? "Drift: " + changed + " drifted" : "Plan: " + changed + " to change") + ", " + inSync
                        + " in sync, " + errors + " not checked (unreachable or unreadable)."));
    }
}
