package io.portcullis.verify;

import io.portcullis.intent.Action;

/**
 * The fate a filter (chain) gives a packet and what decided it.
 *
 * @param action the deciding action, or null when nothing was bound / the bound filter is missing
 * @param filter the deciding filter, or null when none applies
 * @param term   the deciding term, or null when no term matched (implicit default) or no filter applies
 * @param reason why there is no deciding term (null when a term decided)
 */
public record Verdict(Fate fate, Action action, String filter, String term, String reason) {

    public static Verdict byTerm(String filter, String term, Action action) {
        return new Verdict(action.forwards() ? Fate.FORWARDED : Fate.DROPPED, action, filter, term, null);
    }

    public static Verdict byDefault(String filter, Action defaultAction) {
        return new Verdict(
                defaultAction.forwards() ? Fate.FORWARDED : Fate.DROPPED,
                defaultAction,
                filter,
                null,
                "no term matched → implicit default (" + defaultAction.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    public static final Verdict NO_FILTER = new Verdict(Fate.FORWARDED, null, null, null, "no filter bound");

    public static Verdict missingFilter(String filter) {
        return new Verdict(Fate.FORWARDED, null, filter, null, "filter " + filter + " is bound but does not exist");
    }

    /** "FILTER/term", or "FILTER: no term matched → implicit default (discard)", or "no filter bound". */
    public String decidedBy() {
        if (term != null) {
            return filter + "/" + term;
        }
        if (reason != null && filter != null && action != null) {
            return filter + ": " + reason;
        }
        return reason;
    }
}
