package io.portcullis.cli;

import io.portcullis.engine.verify.PromiseCheck;
import io.portcullis.engine.verify.RouterVerification;
import io.portcullis.engine.verify.VerifyRun;
import io.portcullis.verify.EquivalenceResult;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Violation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Human output of {@code portcullis verify} (the JSON document is {@link io.portcullis.engine.verify.VerifyJson}). */
final class VerifyReport {
    private static final int SHOWN = 3;

    private VerifyReport() {}

    static void print(VerifyRun run, boolean verbose, PrintWriter out, PrintWriter err) {
        List<RouterVerification> results = run.devices();
        List<EquivalenceResult> equivalence = run.crossPlatform();
        int proven = 0, violated = 0, errors = 0, skipped = 0;
        for (RouterVerification r : results) {
            String head = r.name() + " (" + r.platform() + ")";
            switch (r.status()) {
                case OUT_OF_SCOPE -> {
                    skipped++;
                    out.println("- " + head + ": outside the policy scope, nothing to verify");
                }
                case PROVEN -> {
                    proven++;
                    out.printf(
                            Locale.ROOT,
                            "✓ %s: proven %,d packet classes, %d obligations (compiled IR and rendered read-back)%n",
                            head,
                            r.compiledResult().packetClasses()
                                    + r.readBackResult().packetClasses(),
                            r.readBackResult().obligations().size());
                }
                case VIOLATED -> {
                    violated++;
                    out.println("✗ " + head + ": violated");
                    violations(out, "compiled IR", r.compiledResult(), verbose);
                    if (r.readBackResult() != null) {
                        violations(out, "read-back", r.readBackResult(), verbose);
                    }
                }
                case ERROR -> {
                    errors++;
                    out.println("! " + head + ": not verified");
                }
            }
            if (r.error() != null) {
                err.println("portcullis verify: " + r.error());
            }
            if (verbose) {
                r.warnings().forEach(w -> out.println("    reader warning: " + w));
            }
        }
        for (EquivalenceResult e : equivalence) {
            String who = String.join(", ", e.compared());
            if (e.equivalent()) {
                out.printf(
                        Locale.ROOT,
                        "≡ cross-platform: %s classify all %,d packet classes identically%s%n",
                        who,
                        e.packetClasses(),
                        e.excused().isEmpty() ? "" : " (except " + e.excused().size() + " declared limitation(s))");
            } else {
                out.println("✗ cross-platform: " + who + " differ");
                e.differences().stream()
                        .limit(verbose ? Long.MAX_VALUE : SHOWN)
                        .forEach(d -> out.println("    " + d.describe()));
            }
            if (verbose) {
                e.excused().forEach(d -> out.println("    excused: " + d.describe()));
            }
        }
        boolean promiseKept = promise(run, verbose, out);
        out.printf(
                Locale.ROOT,
                "verify: %d proven, %d violated, %d not verified, %d out of scope%s%s%n",
                proven,
                violated,
                errors,
                skipped,
                equivalence.stream().allMatch(EquivalenceResult::equivalent) ? "" : "; platforms disagree",
                promiseKept ? "" : "; the published promise is broken");
    }

    /** The published promise section; false when some device breaks it. */
    private static boolean promise(VerifyRun run, boolean verbose, PrintWriter out) {
        if (run.promise() == null) {
            return true;
        }
        String what = "published promise " + run.promise().file() + " ("
                + run.promise().digest().substring(0, 15) + ")";
        List<PromiseCheck> broken =
                run.promiseChecks().stream().filter(c -> !c.proven()).toList();
        if (broken.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "✓ %s: kept by all %d device(s) in scope (compiled IR and rendered read-back)%n",
                    what,
                    run.promiseChecks().size());
            return true;
        }
        out.println("✗ " + what + ": broken by " + broken.size() + " of "
                + run.promiseChecks().size() + " device(s); change the"
                + " policy back, or change the promise itself in the same commit for review");
        for (PromiseCheck c : broken) {
            out.println("  " + c.device() + " (" + c.platform() + ")");
            violations(out, "compiled IR", c.compiled(), verbose);
            if (c.readBack() != null) {
                violations(out, "read-back", c.readBack(), verbose);
            }
        }
        return false;
    }

    private static void violations(PrintWriter out, String stage, VerificationResult r, boolean verbose) {
        if (r.proven()) {
            out.printf(Locale.ROOT, "    %s: proven %,d packet classes%n", stage, r.packetClasses());
            return;
        }
        List<Violation> vs = r.violations();
        vs.stream().limit(verbose ? Long.MAX_VALUE : SHOWN).forEach(v -> {
            out.println("    " + stage + ": " + v.describe());
            out.println("      broken obligation: " + v.obligation());
        });
        if (!verbose && vs.size() > SHOWN) {
            out.println("    " + stage + ": … " + (vs.size() - SHOWN) + " more (--verbose or --json shows all)");
        }
    }
}
