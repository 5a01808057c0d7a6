package io.portcullis.diff;

import java.util.List;

/**
 * One classified change as JSON documents carry it: the kind as an id ("term-changed"), where it is, what differs
 * field by field, and the sentence a person reads. {@code before}/{@code after} join the {@code fields}' values
 * ("destination ports 25,587"); for a missing or extra filter or term one side is null.
 *
 * @param binding the binding, for binding-missing/extra, else null
 * @param fields  per changed field its name and both values (empty for missing/extra, or a change with no values,
 *                e.g. only the description differs)
 */
public record ChangeItem(
        String kind,
        String filter,
        String term,
        BindingItem binding,
        String before,
        String after,
        List<Field> fields,
        String text) {
    public ChangeItem {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** One field of a changed filter or term. */
    public record Field(String name, String before, String after) {}

    /** Where a filter is bound, in verify --json's words. */
    public record BindingItem(String filter, String family, String direction, String attachKind, String attachPoint) {}
}
