package io.portcullis.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.diff.ChangeItem;
import io.portcullis.diff.FateItem;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.drift.RevisionRef;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.ha.DatabaseRouterStateStore;
import io.portcullis.ha.FleetSnapshot;
import io.portcullis.ha.RouterStateRow;
import io.portcullis.json.JsonMappers;
import io.portcullis.store.Sanitizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Shares each router's state through the database ({@link DatabaseRouterStateStore}, {@code pcl_router_state}). As a
 * listener of the leader's drift monitor it hands a router's state to the store only when it differs from what the
 * database holds (a digest of the state without its check time), masking secrets first: the error text and the
 * router's own diff. On a follower it turns what the store read into the monitor's statuses, so the REST API and
 * the dashboard show the leader's findings; a replica about to lead loads them the same way before its first check.
 */
final class RouterStateSharing implements DriftMonitor.Listener {
    private static final Logger LOG = Logger.getLogger(RouterStateSharing.class);
    private static final ObjectMapper JSON = JsonMappers.CANONICAL;

    /** What one row's {@code status_json} holds: the status and the drift's items, which the status' JSON leaves out. */
    record Stored(RouterStatus status, List<ChangeItem> changeItems, List<FateItem> impactItems) {}

    private final DriftMonitor.Listener next;
    private final DatabaseRouterStateStore store;
    /** Per router the digest the database holds (what this replica wrote or read last). */
    private final Map<String, String> written = new ConcurrentHashMap<>();
    /** Per router the replica whose check the database row is. */
    private final Map<String, String> writers = new ConcurrentHashMap<>();

    private volatile Consumer<Map<String, RouterStatus>> restore;

    RouterStateSharing(DriftMonitor.Listener next, DatabaseRouterStateStore store) {
        this.next = next;
        this.store = store;
    }

    /** Starts sharing; {@code restore} receives the statuses read from the database (the monitor's {@code restore}). */
    void start(Consumer<Map<String, RouterStatus>> restore) {
        this.restore = restore;
        store.start(this::show);
    }

    DatabaseRouterStateStore store() {
        return store;
    }

    @Override
    public void checked(RouterStatus s) {
        next.checked(s);
        try {
            RouterStateRow row = row(s);
            if (!row.digest().equals(written.get(s.router()))) {
                written.put(s.router(), row.digest());
                store.put(row);
            }
        } catch (RuntimeException e) {
            LOG.warnf("the state of %s is not shared with other replicas: %s", s.router(), e.getMessage());
        }
    }

    @Override
    public void applied(RouterOutcome outcome) {
        next.applied(outcome);
    }

    @Override
    public void remediated(RouterOutcome outcome, RevisionRef revision) {
        next.remediated(outcome, revision);
    }

    @Override
    public void overwritten(RouterStatus drifted) {
        next.overwritten(drifted); // the state shared is the one after the settle time (checked follows)
    }

    /** A full check that started at {@code startedAt} covered {@code routers} routers: one write, however many. */
    void fullCheck(Instant startedAt, int routers) {
        store.fullCheck(startedAt, routers);
    }

    void forget(java.util.Collection<String> routers) {
        routers.forEach(r -> {
            written.remove(r);
            writers.remove(r);
        });
        store.forget(List.copyOf(routers));
    }

    /** Before leading: the statuses as the last leader left them (false when the database cannot be read now). */
    boolean takeOver() {
        return store.readNow()
                .map(s -> {
                    show(s);
                    return true;
                })
                .orElse(false);
    }

    /** The replica whose check a router's shown state is, when it came from the database; else null. */
    String writer(String router) {
        return writers.get(router);
    }

    private void show(FleetSnapshot snap) {
        Consumer<Map<String, RouterStatus>> r = restore;
        if (r == null) {
            return;
        }
        Map<String, RouterStatus> known = new HashMap<>();
        Map<String, String> digests = new HashMap<>();
        for (RouterStateRow row : snap.routers()) {
            try {
                Stored st = JSON.readValue(row.statusJson(), Stored.class);
                RouterStatus s = withItems(st);
                Instant checked = row.changedAt();
                if (snap.lastFullCheck() != null
                        && (checked == null || snap.lastFullCheck().isAfter(checked))) {
                    checked =
                            snap.lastFullCheck(); // the row is older than the last full check, which found it unchanged
                }
                known.put(row.router(), s.checkedAt(checked));
                digests.put(row.router(), row.digest());
                if (row.updatedBy() != null) {
                    writers.put(row.router(), row.updatedBy());
                }
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warnf("the shared state of %s cannot be read (%s): shown unchecked", row.router(), e.getMessage());
            }
        }
        written.keySet().retainAll(digests.keySet());
        written.putAll(digests);
        writers.keySet().retainAll(digests.keySet());
        r.accept(known);
    }

    /** The row for a status: secrets masked, the digest of everything but the check's time, length and trigger. */
    static RouterStateRow row(RouterStatus raw) {
        RouterStatus s = masked(raw);
        DriftEntry d = s.drift();
        Stored stored = new Stored(s, d.changeItems(), d.impactItems());
        Stored timeless = new Stored(
                new RouterStatus(s.router(), s.platform(), d, null, 0, null, s.revisions(), s.changedBy()),
                d.changeItems(),
                d.impactItems());
        return new RouterStateRow(
                s.router(),
                s.platform(),
                d.status(),
                d.fingerprint(),
                s.changedBy(),
                sha256(write(timeless)),
                write(stored),
                s.lastCheck(),
                null);
    }

    /** The error text, the router's diff and the author as they may be stored: what {@link Sanitizer} masks, masked. */
    static RouterStatus masked(RouterStatus s) {
        DriftEntry d = s.drift();
        DriftEntry m = new DriftEntry(
                d.router(),
                d.platform(),
                d.status(),
                d.fingerprint(),
                d.changes(),
                d.impact(),
                Sanitizer.xml(d.diff()),
                Sanitizer.text(d.errorKind(), 200),
                Sanitizer.text(d.error(), 2000),
                d.changeItems(),
                d.impactItems());
        return new RouterStatus(
                s.router(),
                s.platform(),
                m,
                s.lastCheck(),
                s.checkMillis(),
                s.trigger(),
                s.revisions(),
                Sanitizer.text(s.changedBy(), 400));
    }

    private static RouterStatus withItems(Stored st) {
        RouterStatus s = st.status();
        DriftEntry d = s.drift();
        DriftEntry full = new DriftEntry(
                d.router(),
                d.platform(),
                d.status(),
                d.fingerprint(),
                d.changes(),
                d.impact(),
                d.diff(),
                d.errorKind(),
                d.error(),
                st.changeItems(),
                st.impactItems());
        return new RouterStatus(
                s.router(),
                s.platform(),
                full,
                s.lastCheck(),
                s.checkMillis(),
                s.trigger(),
                s.revisions(),
                s.changedBy());
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a router state cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
