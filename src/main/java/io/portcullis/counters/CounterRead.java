package io.portcullis.counters;

import java.util.List;

/**
 * One router's counters as read from one reply.
 *
 * @param terms       every owned term in filter order (terms without a counter have null packets)
 * @param confirmed   false when the operational path is not confirmed from published material (VRP): the
 *                    numbers are shown, marked "unconfirmed"
 * @param aggregation what was summed into each term's numbers, one sentence (entries, interfaces, subscriber instances)
 * @param unavailable why there are no numbers at all (null when there are)
 */
public record CounterRead(List<TermCount> terms, boolean confirmed, String aggregation, String unavailable) {
    public CounterRead {
        terms = List.copyOf(terms);
    }

    public static CounterRead unavailable(String reason) {
        return new CounterRead(List.of(), false, null, reason);
    }

    public boolean available() {
        return unavailable == null;
    }
}
