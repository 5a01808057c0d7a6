package io.portcullis.lab.datastore;

import java.util.List;

/** A datastore operation failed with one or more rpc-errors; the target may be partly changed (stop-on-error). */
public class DataException extends Exception {
    private final List<DataError> errors;

    public DataException(DataError error) {
        this(List.of(error));
    }

    public DataException(List<DataError> errors) {
        super(
                errors.isEmpty()
                        ? "error"
                        : errors.get(0).tag() + ": " + errors.get(0).message(),
                null,
                false,
                false);
        this.errors = List.copyOf(errors);
    }

    public List<DataError> errors() {
        return errors;
    }
}
