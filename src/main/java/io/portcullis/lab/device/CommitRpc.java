package io.portcullis.lab.device;

import io.portcullis.lab.datastore.AppliedEdit;
import io.portcullis.lab.datastore.DataError;
import io.portcullis.lab.datastore.DataException;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.SimDatastore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** commit (plain, confirmed, follow-up, confirming) and cancel-commit (RFC 6241 §8.3–8.4). */
final class CommitRpc {
    private final SimDevice d;
    private final SessionPort s;
    private final Rpcs rpcs;

    CommitRpc(SimDevice device, SessionPort session) {
        this.d = device;
        this.s = session;
        this.rpcs = new Rpcs(device);
    }

    Reply commit(Element op) throws DataException {
        rpcs.datastore("candidate", false);
        rpcs.checkNotLockedByOther(s, "running");
        rpcs.checkNotLockedByOther(s, "candidate");
        boolean confirmed = Dom.firstChild(op, "confirmed") != null;
        String persist = textOf(op, "persist");
        String persistId = textOf(op, "persist-id");
        boolean v11 = d.profile().confirmedCommit11();
        if (!v11 && (persist != null || persistId != null)) {
            String bad = persist != null ? "persist" : "persist-id";
            return Reply.error(DataError.protocol(
                    "unknown-element", bad + " needs :confirmed-commit:1.1", Map.of("bad-element", bad)));
        }
        long timeout = 600;
        if (Dom.firstChild(op, "confirm-timeout") != null) {
            try {
                timeout = Long.parseLong(textOf(op, "confirm-timeout"));
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout < 1 || timeout > 4294967295L) {
                return Reply.error(DataError.protocol(
                        "invalid-value",
                        "confirm-timeout must be 1..4294967295 seconds",
                        Map.of("bad-element", "confirm-timeout")));
            }
        }
        if (d.confirmed.pending()) {
            DataError denied = d.confirmed.checkAccess(s.sessionId(), persistId);
            if (denied != null) {
                return Reply.error(denied);
            }
        } else if (persistId != null) {
            // RFC 6241 §8.4.5.1: a persist-id names a pending persistent commit; with none pending it is an
            // error, never a plain commit of whatever the candidate holds
            return Reply.error(new DataError(
                    "protocol",
                    "invalid-value",
                    "error",
                    null,
                    null,
                    "no persistent confirmed commit is pending",
                    Map.of("bad-element", "persist-id")));
        }
        DataError invalid = rpcs.validationFailure();
        if (invalid != null) {
            return Reply.error(invalid);
        }
        if (d.faults().commitFailure() != null) {
            return Reply.error(
                    DataError.application("operation-failed", null, d.faults().commitFailure()));
        }
        if (d.commitForgetsCandidate) {
            // the netconfd quirk (Faults.loseEditsOnValidate): ok, and nothing of the validated edits is committed
            d.commitForgetsCandidate = false;
            d.candidate.replaceContent(d.running);
            d.candidateEdits.clear();
        }
        SimDatastore before = d.running.copy();
        List<AppliedEdit> edits = new ArrayList<>(d.candidateEdits);
        boolean changed = !d.running.sameContent(d.candidate);
        d.running.replaceContent(d.candidate);
        d.candidateDirtyBy.clear();
        d.candidateEdits.clear();
        Notifications.ChangedBy by = Rpcs.changedBy(s);
        if (changed) {
            d.notifySubscribers(Notifications.configChange(by, "running", edits));
        }
        if (confirmed) {
            d.confirmed.start(before, s.sessionId(), persist, timeout, by);
        } else if (d.confirmed.pending()) {
            d.confirmed.complete(by);
        }
        return Reply.OK;
    }

    Reply cancel(Element op) throws DataException {
        if (!d.profile().confirmedCommit11()) {
            return Reply.error(DataError.protocol(
                    "operation-not-supported",
                    "cancel-commit needs :confirmed-commit:1.1",
                    Map.of("bad-element", "cancel-commit")));
        }
        if (!d.confirmed.pending()) {
            return Reply.error(DataError.protocol("operation-failed", "no confirmed commit is pending", Map.of()));
        }
        DataError denied = d.confirmed.checkAccess(s.sessionId(), textOf(op, "persist-id"));
        if (denied != null) {
            return Reply.error(denied);
        }
        d.confirmed.cancel(Rpcs.changedBy(s));
        return Reply.OK;
    }

    private static String textOf(Element op, String name) {
        Element e = Dom.firstChild(op, name);
        return e == null ? null : Dom.text(e);
    }
}
