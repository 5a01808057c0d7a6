package io.portcullis.diff;

import io.portcullis.intent.Binding;

/**
 * One classified difference. {@code filter}, {@code term} and {@code binding} are set when they
 * apply; {@code detail} says in one line what differs (e.g. "destination ports 25,587 → 25").
 */
public record Change(ChangeKind kind, String filter, String term, Binding binding, String detail) {

    /** One human line, e.g. "term changed: PORTCULLIS-V4/block-smtp (destination ports 25,587 → 25)". */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind.label()).append(": ");
        if (binding != null) {
            sb.append(describe(binding));
        } else {
            sb.append(filter);
            if (term != null) {
                sb.append('/').append(term);
            }
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }

    public static String describe(Binding b) {
        return b.filterName() + " " + b.family().id() + " " + (b.direction() == io.portcullis.intent.Direction.TO_SUBSCRIBER
                ? "toward subscribers" : "from subscribers") + " at " + b.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + b.point();
    }

    /** The same difference seen from the other side (what undoing it would be). */
    public Change reversed() {
        ChangeKind k = switch (kind) {
            case FILTER_MISSING -> ChangeKind.FILTER_EXTRA;
            case FILTER_EXTRA -> ChangeKind.FILTER_MISSING;
            case TERM_MISSING -> ChangeKind.TERM_EXTRA;
            case TERM_EXTRA -> ChangeKind.TERM_MISSING;
            case BINDING_MISSING -> ChangeKind.BINDING_EXTRA;
            case BINDING_EXTRA -> ChangeKind.BINDING_MISSING;
            default -> kind;
        };
        return new Change(k, filter, term, binding, detail);
    }
}
