package io.portcullis.diff;

import java.util.List;

/**
 * One packet-fate delta as JSON documents carry it (plan, drift, apply): the packet as fields, the fates as
 * "forwarded" / "dropped", and the sentence a person reads. Plans read router now → after apply; drift reads
 * policy → router now (the direction each document states).
 *
 * @param where attach points where this delta holds; empty when it holds at all of them
 */
public record FateItem(
        String protocol,
        Integer port,
        Integer sourcePort,
        String family,
        String direction,
        String destination,
        List<String> where,
        String before,
        String after,
        String text) {
    public FateItem {
        where = where == null ? List.of() : List.copyOf(where);
    }
}
