package io.portcullis.cli;

import io.portcullis.engine.Engine;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.router.Digests;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The guard in front of an apply that has no reviewed plan ({@code --plan}): on a terminal it shows the plan and
 * asks for {@code yes} (then applies exactly what was shown, refusing routers that changed meanwhile); elsewhere it
 * refuses unless {@code --auto-approve} says a pipeline wants it. Nobody pushes to a fleet without seeing the change
 * or saying so.
 */
final class ApplyApproval {
    /** What the guard decided. {@code plan} is the plan shown and approved, bound to the state it saw. */
    record Decision(boolean proceed, int exitCode, PlanFile plan) {
        static Decision go(PlanFile plan) {
            return new Decision(true, ExitCodes.OK, plan);
        }

        static Decision stop(int exitCode) {
            return new Decision(false, exitCode, null);
        }
    }

    private ApplyApproval() {}

    /**
     * @param interactive stdin and stdout are a terminal (a person can answer)
     * @param answers     where the answer is read from (the terminal)
     */
    static Decision decide(
            boolean autoApprove,
            boolean interactive,
            List<Target> targets,
            Path policy,
            boolean verbose,
            BufferedReader answers,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        if (autoApprove) {
            return Decision.go(null);
        }
        if (!interactive) {
            err.println(
                    "portcullis apply: not on a terminal, so nobody can approve the change; pass --plan FILE (the plan that"
                            + " was reviewed, from 'portcullis plan --out FILE') or --auto-approve to apply the current policy unseen");
            return Decision.stop(ExitCodes.USAGE);
        }
        PlanFile shown;
        List<RouterPlan> plans;
        try (NetconfConnector connector = NetconfConnector.create(ProtocolTrace.of(verbose, err))) {
            Engine engine = EngineCommands.engine(connector);
            plans = engine.plan(targets, 50);
            shown = engine.planFile(Digests.policyFiles(policy), plans);
        }
        PlanPrinter.print(plans, false, verbose, out);
        int exit = Engine.exitCode(plans);
        if (exit == ExitCodes.OK) {
            out.println("Nothing to apply: every selected router already holds the policy.");
            out.flush();
            return Decision.stop(ExitCodes.OK);
        }
        if (exit != ExitCodes.CHANGES) {
            err.println("portcullis apply: the plan could not be made for every router (see above); fix that first");
            return Decision.stop(ExitCodes.ERROR);
        }
        long changing = plans.stream()
                .filter(p -> p.status() == RouterPlan.Status.CHANGES)
                .count();
        out.print("Apply these changes to " + changing + " router" + (changing == 1 ? "" : "s")
                + "? Only 'yes' is accepted: ");
        out.flush();
        String answer = Optional.ofNullable(answers.readLine()).orElse("").trim();
        if (!answer.equals("yes")) {
            out.println("Apply cancelled; nothing was changed.");
            out.flush();
            return Decision.stop(ExitCodes.ERROR);
        }
        return Decision.go(shown);
    }
}
