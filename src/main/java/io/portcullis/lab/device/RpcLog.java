package io.portcullis.lab.device;

import java.util.ArrayList;
import java.util.List;

/** The full, ordered RPC log of one simulated device; tests assert on it ("this router was never touched"). */
public final class RpcLog {
    private final List<RpcLogEntry> entries = new ArrayList<>();

    synchronized void add(RpcLogEntry e) {
        entries.add(e);
    }

    public synchronized List<RpcLogEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Entries whose operation is one of {@code operations}. */
    public List<RpcLogEntry> of(String... operations) {
        List<String> ops = List.of(operations);
        return entries().stream().filter(e -> ops.contains(e.operation())).toList();
    }

    /** Operation names in order. */
    public List<String> operations() {
        return entries().stream().map(RpcLogEntry::operation).toList();
    }

    /** Any lock, edit, commit, discard, copy/delete-config, cancel or kill-session (or out-of-band change). */
    public boolean touched() {
        return entries().stream().anyMatch(RpcLogEntry::isWrite);
    }

    public List<RpcLogEntry> writes() {
        return entries().stream().filter(RpcLogEntry::isWrite).toList();
    }

    public int size() {
        return entries().size();
    }

    @Override
    public synchronized String toString() {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.timestamp() + " s" + e.sessionId() + " " + e.operation()
                + (e.target() == null ? "" : " " + e.target())));
        return String.join("\n", lines);
    }
}
