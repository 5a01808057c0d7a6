package io.portcullis.engine.plan;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeKind;
import io.portcullis.diff.ChangeSet;
import io.portcullis.diff.FateChange;
import io.portcullis.diff.IntentDiff;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Ownership;
import io.portcullis.platform.ChainRefusedException;
import io.portcullis.platform.Chaining;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ReadResult;
import io.portcullis.verify.Disproof;
import io.portcullis.verify.Fate;
import io.portcullis.verify.Verifier;
import io.portcullis.verify.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one router should hold, given what it holds: the normalized intent, or — when a foreign
 * filter is bound where we bind, the inventory sets chain-foreign and the platform can chain — its
 * chained form (design.md section 6). {@code refusals} are one sentence each (apply refuses).
 *
 * @param owned    what plan/drift compare the read-back with and apply renders
 * @param chaining set when {@code owned} is chained; then proofs and packet fates use the composite
 */
public record Wanted(FilterIntent owned, Chaining chaining, List<String> refusals) {

    public static Wanted of(Target t, PlatformAdapter platform, ReadResult read) {
        FilterIntent normal = platform.normalize(t.intent());
        List<String> refusals = new ArrayList<>();
        for (Binding f : read.foreignBindings()) {
            boolean clash = t.intent().bindings().stream().anyMatch(b -> b.sameSlot(f));
            if (clash) {
                refusals.add("foreign filter " + f.filterName() + " is already bound at "
                        + f.kind().name().toLowerCase(Locale.ROOT)
                        + " " + f.point() + " (" + f.family().id() + ") on " + t.name()
                        + "; remove it, or set chain-foreign: true in the inventory where the platform can chain");
            }
        }
        if (refusals.isEmpty()) {
            return new Wanted(normal, null, List.of());
        }
        if (!t.device().chainForeign()
                || !platform.facts().supports(io.portcullis.intent.Feature.CHAINING)
                || platform.chaining().isEmpty()) {
            return new Wanted(normal, null, refusals);
        }
        try {
            return new Wanted(
                    platform.chaining().get().chain(normal, read),
                    platform.chaining().get(),
                    List.of());
        } catch (ChainRefusedException e) {
            return new Wanted(normal, null, List.of(t.name() + ": " + e.getMessage()));
        }
    }

    /**
     * Owned filters and bindings the router holds ({@code have}) that {@link #owned} no longer wants: what
     * apply removes. A binding in a slot we bind anyway is left out: the payload replaces it, deleting it
     * could delete ours.
     */
    public Optional<FilterIntent> stale(FilterIntent have) {
        List<Filter> filters = have.filters().stream()
                .filter(f -> owned.filter(f.name()).isEmpty())
                .toList();
        List<Binding> bindings = have.bindings().stream()
                .filter(b -> owned.bindings().stream().noneMatch(w -> w.sameSlot(b)))
                .toList();
        if (filters.isEmpty() && bindings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FilterIntent(owned.device(), have.platform(), filters, bindings));
    }

    public boolean chained() {
        return chaining != null;
    }

    /** What the router applies at the attach points when it holds {@code holding} next to the foreign configuration read. */
    public FilterIntent effective(FilterIntent holding, ReadResult read) {
        return chaining == null ? holding : chaining.effective(holding, read);
    }

    /**
     * The proof of a chained router, on the composite (foreign filter with our entries merged where
     * the platform evaluates them). {@code failures}: a blocked flow not dropped, or something our
     * entries drop that must pass. {@code operatorDrops}: packets the promise says must pass that the
     * operator's own entries or default-action drop — "every other port works" is then broken by
     * the operator, not by us: reported on every plan/apply, never called proven, not a refusal
     * (Portcullis never edits the operator's entries).
     */
    public record ChainProof(List<String> failures, List<String> operatorDrops, List<Violation> leaks) {}

    /**
     * A chained router whose owned configuration is in sync but whose composite lets a blocked flow
     * through (e.g. the operator added an accept before our entries) is drift too: one change naming
     * the operator's filter and entry, and the packets that leak. Apply cannot fix it (it never edits
     * the operator's entries) and refuses; plan/drift/serve must still say the policy is not enforced.
     */
    ChangeSet withComposite(ChangeSet cs, ReadResult read, io.portcullis.intent.Promise promise) {
        if (!chained() || !cs.isEmpty()) {
            return cs;
        }
        ChainProof p = prove(read.intent(), read, promise);
        if (p.leaks().isEmpty()) {
            return cs;
        }
        Violation first = p.leaks().get(0);
        Change c = new Change(
                ChangeKind.FILTER_CHANGED,
                String.valueOf(first.actual().filter()),
                first.actual().term(),
                null,
                "the operator's filter no longer lets the embedded entries decide: "
                        + p.failures().get(0));
        Map<String, FateChange> fates = new LinkedHashMap<>();
        for (Violation v : p.leaks()) {
            String label = v.packet().protocol().label().toUpperCase(Locale.ROOT)
                    + (v.packet().hasPorts() ? "/" + v.packet().destinationPort() : "")
                    + " "
                    + (v.packet().direction() == io.portcullis.intent.Direction.TO_SUBSCRIBER
                            ? "toward subscribers"
                            : "from subscribers")
                    + " (" + v.packet().family().id() + ")";
            fates.putIfAbsent(
                    label,
                    new FateChange(
                            label,
                            "",
                            true,
                            false,
                            io.portcullis.diff.PacketKey.of(
                                    v.packet().protocol().number(),
                                    v.packet().hasPorts() ? v.packet().destinationPort() : null,
                                    null,
                                    v.packet().family(),
                                    v.packet().direction(),
                                    null)));
        }
        return new ChangeSet(new IntentDiff(List.of(c)), "", "", List.copyOf(fates.values()));
    }

    /** Plan/drift lines for a chained router: where our entries go, and what the proof of the result says. */
    List<String> planNotes(Target t, ReadResult read) {
        List<String> out = new ArrayList<>();
        owned.bindings().stream()
                .filter(b -> b.kind() == io.portcullis.intent.AttachKind.EMBED)
                .forEach(b -> out.add(t.name()
                        + ": chained (chain-foreign): " + b.filterName() + " ("
                        + b.family().id() + ") embedded into the operator's filter "
                        + b.point()
                        + "; the operator's entries, default-action and sla-profile reference stay untouched"));
        ChainProof p = prove(owned, read, t.promise());
        p.failures()
                .forEach(f ->
                        out.add(t.name() + ": apply would refuse, the chained filter would not keep the policy: " + f));
        p.operatorDrops().forEach(f -> out.add(t.name() + ": not proven: " + f));
        return out;
    }

    public ChainProof prove(FilterIntent holding, ReadResult read, io.portcullis.intent.Promise promise) {
        FilterIntent composite = effective(holding, read);
        List<String> failures = new ArrayList<>();
        List<String> operator = new ArrayList<>();
        List<Violation> leaks = new ArrayList<>();
        if (Verifier.verify(composite, promise) instanceof Disproof d) {
            for (Violation v : d.found()) {
                String term = v.actual().term();
                boolean ours = term != null && Ownership.isOwned(term);
                if (v.expected() == Fate.DROPPED) {
                    String by = term == null
                            ? String.valueOf(v.actual().decidedBy())
                            : ours
                                    ? "our entry " + term
                                    : "operator entry " + term + " of filter "
                                            + v.actual().filter() + ", which comes first";
                    failures.add(v.packet().describe() + " must be dropped but is "
                            + v.actual().fate().label() + " by " + by);
                    leaks.add(v);
                } else if (ours) {
                    failures.add(v.describe());
                } else {
                    operator.add(v.packet().describe() + " is dropped by the operator's "
                            + (term == null
                                    ? "filter " + v.actual().filter() + " default-action"
                                    : "entry " + term + " of filter "
                                            + v.actual().filter())
                            + ", not by Portcullis: \"every other port works\" does not hold there");
                }
            }
        }
        return new ChainProof(failures, operator, leaks);
    }
}
