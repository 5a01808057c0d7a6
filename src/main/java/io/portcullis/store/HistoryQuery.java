package io.portcullis.store;

import java.time.Instant;

/** Filters of {@code portcullis history}: any of router, kind, since may be null; newest first, at most {@code limit} runs. */
public record HistoryQuery(String router, String kind, Instant since, int limit) {
    public HistoryQuery {
        if (limit < 1) {
            throw new StoreException("--limit must be at least 1");
        }
    }

    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, null, null, limit);
    }
}
