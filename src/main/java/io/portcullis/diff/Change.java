package io.portcullis.diff;

import io.portcullis.intent.Binding;
import java.util.ArrayList;
import java.util.List;

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
        return b.filterName() + " " + b.family().id() + " "
                + (b.direction() == io.portcullis.intent.Direction.TO_SUBSCRIBER
                        ? "toward subscribers"
                        : "from subscribers")
                + " at " + b.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + b.point();
    }

    /**
     * The same difference seen from the other side (what undoing it would be): the kind flips
     * (missing ↔ extra) and every "before → after" in the detail is swapped, so the line reads in
     * the same direction as the packet fates it is printed with.
     */
    public Change reversed() {
        ChangeKind k =
                switch (kind) {
                    case FILTER_MISSING -> ChangeKind.FILTER_EXTRA;
                    case FILTER_EXTRA -> ChangeKind.FILTER_MISSING;
                    case TERM_MISSING -> ChangeKind.TERM_EXTRA;
                    case TERM_EXTRA -> ChangeKind.TERM_MISSING;
                    case BINDING_MISSING -> ChangeKind.BINDING_EXTRA;
                    case BINDING_EXTRA -> ChangeKind.BINDING_MISSING;
                    default -> kind;
                };
        return new Change(k, filter, term, binding, reverseDetail(detail));
    }

    /**
     * The detail read the other way round: this record's detail says "NAME HAVE → WANT" per
     * "; "-separated part (IntentComparator's wording; values never contain spaces), the kind unchanged.
     * Drift uses it to say what the router has compared with the policy ("policy → router now").
     */
    public Change withDetailReversed() {
        return new Change(kind, filter, term, binding, reverseDetail(detail));
    }

    static String reverseDetail(String detail) {
        if (detail == null || !detail.contains(ARROW)) {
            return detail;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : detail.split("; ", -1)) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            int arrow = part.indexOf(ARROW);
            int space = arrow < 0 ? -1 : part.lastIndexOf(' ', arrow - 1);
            if (arrow < 0 || part.indexOf(ARROW, arrow + 1) >= 0) {
                sb.append(part); // no "before → after" here (e.g. "description"), or one we cannot split safely
                continue;
            }
            String name = space < 0 ? "" : part.substring(0, space + 1);
            String before = part.substring(space + 1, arrow);
            String after = part.substring(arrow + ARROW.length());
            sb.append(name).append(after).append(ARROW).append(before);
        }
        return sb.toString();
    }

    /**
     * The change as drift states it: the kind as classified ("filter missing" = the router lacks what the policy wants,
     * so "missing on router"), the detail turned to read policy → router like drift's packet impact.
     */
    public String describeAsDrift() {
        String label = kind.label();
        String line = withDetailReversed().describe();
        return label.endsWith("missing") || label.endsWith("extra")
                ? label + " on router" + line.substring(label.length())
                : line;
    }

    /** The structured form of a plan's change: before = the router now, after = once applied. */
    public ChangeItem item() {
        return item(false);
    }

    /** The structured form of a drift finding: before = what the policy wants, after = what the router has now. */
    public ChangeItem driftItem() {
        return item(true);
    }

    private ChangeItem item(boolean drift) {
        List<ChangeItem.Field> fields = new ArrayList<>();
        String have = null;
        String want = null;
        switch (kind) {
            case FILTER_MISSING, TERM_MISSING -> want = detail;
            case FILTER_EXTRA, TERM_EXTRA -> have = detail;
            case BINDING_MISSING -> want = binding == null ? null : describe(binding);
            case BINDING_EXTRA -> have = binding == null ? null : describe(binding);
            case TERMS_REORDERED -> {
                // "router order a, b; policy order b, a" (names may be listed with ", ")
                String[] parts = detail == null ? new String[0] : detail.split("; policy order ", 2);
                if (parts.length == 2 && parts[0].startsWith("router order ")) {
                    fields.add(new ChangeItem.Field("order", parts[0].substring("router order ".length()), parts[1]));
                }
            }
            default -> fields.addAll(fields(detail));
        }
        if (!fields.isEmpty()) {
            have = String.join(
                    "; ", fields.stream().map(f -> f.name() + " " + f.before()).toList());
            want = String.join(
                    "; ", fields.stream().map(f -> f.name() + " " + f.after()).toList());
        }
        if (drift) {
            fields = new ArrayList<>(fields.stream()
                    .map(f -> new ChangeItem.Field(f.name(), f.after(), f.before()))
                    .toList());
        }
        ChangeItem.BindingItem b = binding == null
                ? null
                : new ChangeItem.BindingItem(
                        binding.filterName(),
                        binding.family().id(),
                        PacketKey.direction(binding.direction()),
                        binding.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        binding.point());
        return new ChangeItem(
                kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                filter,
                term,
                b,
                drift ? want : have,
                drift ? have : want,
                fields,
                drift ? describeAsDrift() : describe());
    }

    /** "NAME HAVE → WANT" parts of the detail (values never contain spaces); parts without one arrow are left to the text. */
    static List<ChangeItem.Field> fields(String detail) {
        List<ChangeItem.Field> out = new ArrayList<>();
        if (detail == null) {
            return out;
        }
        for (String part : detail.split("; ", -1)) {
            int arrow = part.indexOf(ARROW);
            if (arrow < 0 || part.indexOf(ARROW, arrow + 1) >= 0) {
                continue;
            }
            int space = part.lastIndexOf(' ', arrow - 1);
            if (space < 0) {
                continue;
            }
            out.add(new ChangeItem.Field(
                    part.substring(0, space),
                    part.substring(space + 1, arrow),
                    part.substring(arrow + ARROW.length())));
        }
        return out;
    }

    private static final String ARROW = " → ";
}
