package io.portcullis.lab.device;

import io.portcullis.lab.datastore.DataError;
import java.util.List;

/** The outcome of one RPC, before the transport wraps it into an {@code <rpc-reply>}. */
public sealed interface Reply {
    /** {@code <ok/>}; {@code closeSession} ends the session after the reply (close-session). */
    record Ok(boolean closeSession) implements Reply {}

    /** {@code <data>…</data>} with this serialized content. */
    record Data(String content) implements Reply {}

    /** Operation-specific output placed directly in {@code <rpc-reply>} (vendor RPCs such as Junos' "show" RPCs). */
    record Output(String content) implements Reply {}

    record Errors(List<DataError> errors) implements Reply {
        public Errors {
            errors = List.copyOf(errors);
        }
    }

    Ok OK = new Ok(false);

    static Reply error(DataError e) {
        return new Errors(List.of(e));
    }
}
