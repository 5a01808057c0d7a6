package io.portcullis.lab;

import io.portcullis.lab.device.Faults;
import io.portcullis.lab.device.Malformation;
import io.portcullis.lab.device.SimDevice;
import java.time.Duration;
import java.util.Locale;

/**
 * Fault injection from the command line: {@code DEVICE=KIND[:ARG[:ARG]]}, DEVICE a name or a 1-based index.
 * Kinds: delay:MILLIS, drop-at-rpc:N, drop-on:OP, drop-after:OP, never-reply:OP, half-open:OP,
 * malformed:OP:CASE (a {@link Malformation} in lower-case-dashes), fail-validate, fail-commit,
 * rollback-failed, cli-lock, stall-window, confirmed-commit-1.0.
 */
public final class FaultSpec {
    private FaultSpec() {}

    /** Applies one spec to the fleet; throws IllegalArgumentException with a one-sentence reason. */
    public static void apply(LabFleet fleet, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("fault '" + spec + "' is not DEVICE=KIND[:ARG]");
        }
        String who = spec.substring(0, eq);
        String[] parts = spec.substring(eq + 1).split(":");
        SimDevice d =
                who.chars().allMatch(Character::isDigit) ? fleet.device(Integer.parseInt(who) - 1) : fleet.device(who);
        Faults f = d.faults();
        String arg = parts.length > 1 ? parts[1] : "*";
        switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "delay" -> f.delay(Duration.ofMillis(Long.parseLong(arg)));
            case "drop-at-rpc" -> f.dropConnectionAtRpc(Integer.parseInt(arg));
            case "drop-on" -> f.dropConnectionOn(arg);
            case "drop-after" -> f.dropConnectionAfter(arg);
            case "never-reply" -> f.neverReplyTo(arg);
            case "half-open" -> f.halfOpenOn(arg);
            case "malformed" -> {
                if (parts.length < 3) {
                    throw new IllegalArgumentException("fault '" + spec + "' needs malformed:OP:CASE");
                }
                f.malformedReply(
                        arg,
                        Malformation.valueOf(parts[2].toUpperCase(Locale.ROOT).replace('-', '_')));
            }
            case "fail-validate" -> f.failValidate(parts.length > 1 ? parts[1] : "/", "validation failed (injected)");
            case "fail-commit" -> f.failCommit("commit failed (injected)");
            case "rollback-failed" -> f.failDiscardWithRollbackFailed();
            case "cli-lock" -> d.outOfBandLock();
            case "stall-window" -> f.stallWindow(true);
            case "confirmed-commit-1.0" -> d.setProfile(d.profile().withConfirmedCommit11(false));
            default -> throw new IllegalArgumentException("unknown fault kind '" + parts[0] + "' in '" + spec + "'");
        }
    }
}
