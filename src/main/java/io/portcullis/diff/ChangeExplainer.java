package io.portcullis.diff;

import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.platform.PlatformAdapter;

/** Builds a {@link ChangeSet} for one router from what it holds and what the policy wants. */
public final class ChangeExplainer {
    private final FateOracle fates;

    public ChangeExplainer(FateOracle fates) {
        this.fates = fates;
    }

    public ChangeExplainer() {
        this(new VerifierFateOracle());
    }

    public ChangeSet explain(PlatformAdapter platform, FilterIntent intended, FilterIntent actual, Promise promise) {
        return explain(platform, intended, actual, promise, intended, actual);
    }

    /**
     * As above, with the packet-fate delta taken between what the router applies on each side
     * ({@code intendedApplied}, {@code actualApplied}): differs from the owned parts when they are
     * chained into a foreign filter (the composite decides packets, not our filter alone).
     */
    public ChangeSet explain(
            PlatformAdapter platform,
            FilterIntent intended,
            FilterIntent actual,
            Promise promise,
            FilterIntent intendedApplied,
            FilterIntent actualApplied) {
        IntentDiff diff = IntentComparator.compare(intended, actual);
        if (diff.inSync()) {
            return ChangeSet.none();
        }
        String have = text(platform, actual);
        String want = text(platform, intended);
        String device = intended.device();
        String forward = UnifiedDiff.diff(have, want, device + " (running)", device + " (policy)");
        String reverse = UnifiedDiff.diff(want, have, device + " (policy)", device + " (running)");
        return new ChangeSet(diff, forward, reverse, fates.delta(actualApplied, intendedApplied, promise));
    }

    private static String text(PlatformAdapter platform, FilterIntent intent) {
        if (intent.filters().isEmpty() && intent.bindings().isEmpty()) {
            return "";
        }
        try {
            return platform.renderText(intent);
        } catch (RuntimeException e) {
            // what a router holds may not be expressible by our renderer (that is often why it is drift)
            StringBuilder sb = new StringBuilder();
            intent.filters().forEach(f -> {
                sb.append("filter ")
                        .append(f.name())
                        .append(' ')
                        .append(f.family().id())
                        .append('\n');
                f.terms().forEach(t -> sb.append("  term ")
                        .append(t.name())
                        .append(": ")
                        .append(IntentComparator.summary(t))
                        .append('\n'));
            });
            intent.bindings()
                    .forEach(b -> sb.append("bind ").append(Change.describe(b)).append('\n'));
            return sb.toString();
        }
    }
}
