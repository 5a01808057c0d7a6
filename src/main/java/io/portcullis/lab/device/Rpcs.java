package io.portcullis.lab.device;

import io.portcullis.lab.datastore.AppliedEdit;
import io.portcullis.lab.datastore.DataError;
import io.portcullis.lab.datastore.DataException;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.EditConfig;
import io.portcullis.lab.datastore.EditOperation;
import io.portcullis.lab.datastore.ErrorOption;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.datastore.SubtreeFilter;
import io.portcullis.lab.datastore.XmlText;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The NETCONF operations of a simulated device (RFC 6241 §7–8, RFC 5277). Called under the device monitor. */
final class Rpcs {
    private final SimDevice d;

    Rpcs(SimDevice device) {
        this.d = device;
    }

    Reply handle(SessionPort s, Element op) {
        try {
            return switch (Dom.localName(op)) {
                case "get" -> read(withState(), Dom.firstChild(op, "filter"));
                case "get-config" -> read(datastore(source(op), false), Dom.firstChild(op, "filter"));
                case "edit-config" -> new EditRpc(d, s).run(op);
                case "copy-config" -> copyConfig(s, op);
                case "delete-config" -> deleteConfig(s, op);
                case "lock" -> lock(s, op);
                case "unlock" -> unlock(s, op);
                case "discard-changes" -> discard(s);
                case "validate" -> validate(op);
                case "commit" -> new CommitRpc(d, s).commit(op);
                case "cancel-commit" -> new CommitRpc(d, s).cancel(op);
                case "close-session" -> new Reply.Ok(true);
                case "kill-session" -> kill(s, op);
                case "create-subscription" -> subscribe(s, op);
                default -> vendorRpc(op);
            };
        } catch (DataException e) {
            return new Reply.Errors(e.errors());
        }
    }

    /** Running plus the operational state plugged into the device, for {@code <get>}. */
    private SimDatastore withState() {
        OperationalState state = d.operationalState();
        if (state == null) {
            return d.running;
        }
        SimDatastore copy = d.running.copy();
        state.addState(d, copy);
        return copy;
    }

    private Reply vendorRpc(Element op) {
        OperationalState state = d.operationalState();
        Reply r = state == null ? null : state.vendorRpc(d, op);
        return r != null
                ? r
                : Reply.error(DataError.protocol(
                        "operation-not-supported",
                        "operation " + Dom.localName(op) + " is not supported",
                        Map.of("bad-element", Dom.localName(op))));
    }

    /** The datastore an RPC names in target or source (for the RPC log), or null. */
    static String datastoreNamed(Element op) {
        for (String w : List.of("target", "source")) {
            Element t = Dom.firstChild(op, w);
            if (t != null && !Dom.children(t).isEmpty()) {
                return Dom.localName(Dom.children(t).get(0));
            }
        }
        return null;
    }

    static String source(Element op) throws DataException {
        return which(op, "source");
    }

    static String target(Element op) throws DataException {
        return which(op, "target");
    }

    private static String which(Element op, String wrapper) throws DataException {
        Element w = Dom.firstChild(op, wrapper);
        if (w == null || Dom.children(w).isEmpty()) {
            throw new DataException(DataError.protocol(
                    "missing-element", Dom.localName(op) + " needs <" + wrapper + ">", Map.of("bad-element", wrapper)));
        }
        return Dom.localName(Dom.children(w).get(0));
    }

    SimDatastore datastore(String name, boolean forWrite) throws DataException {
        switch (name) {
            case "running":
                if (forWrite && !d.profile().writableRunning()) {
                    throw new DataException(DataError.protocol(
                            "operation-not-supported",
                            "running is not writable on this device; edit the candidate and commit",
                            Map.of()));
                }
                return d.running;
            case "candidate":
                if (d.profile().candidate()) {
                    return d.candidate;
                }
                break;
            case "startup":
                if (d.profile().startup()) {
                    return d.startup;
                }
                break;
            default:
                break;
        }
        throw new DataException(DataError.protocol(
                "invalid-value", "datastore " + name + " is not supported here", Map.of("bad-element", name)));
    }

    /** Another session's (or the CLI's) lock blocks writes: in-use, naming the holder. */
    void checkNotLockedByOther(SessionPort s, String datastore) throws DataException {
        LockHolder h = d.locks.get(datastore);
        if (h != null && h.sessionId() != s.sessionId()) {
            throw new DataException(DataError.protocol(
                    "in-use",
                    "the " + datastore + " datastore is locked by "
                            + (h.isNetconf()
                                    ? "session " + h.sessionId()
                                    : "a non-NETCONF user (" + h.username() + ")"),
                    Map.of("session-id", String.valueOf(h.sessionId()))));
        }
    }

    private Reply read(SimDatastore ds, Element filter) throws DataException {
        StringBuilder sb = new StringBuilder(1024);
        if (filter == null) {
            for (Element c : Dom.children(ds.root())) {
                XmlText.append(sb, c);
            }
            return new Reply.Data(sb.toString());
        }
        String type = filter.hasAttribute("type") ? filter.getAttribute("type") : "subtree";
        if (!type.equals("subtree")) {
            throw new DataException(DataError.protocol(
                    "operation-not-supported",
                    "only subtree filters are supported (no :xpath)",
                    Map.of("bad-attribute", "type", "bad-element", "filter")));
        }
        Document scratch = io.portcullis.netconf.xml.SecureXml.newDocument();
        for (Element e : SubtreeFilter.select(ds, filter, scratch)) {
            XmlText.append(sb, e);
        }
        return new Reply.Data(sb.toString());
    }

    private Reply lock(SessionPort s, Element op) throws DataException {
        String name = target(op);
        datastore(name, false);
        LockHolder h = d.locks.get(name);
        if (h != null) {
            return Reply.error(LockDenied.of(h));
        }
        if (name.equals("candidate") && d.candidateDirtyBy.stream().anyMatch(id -> id != s.sessionId())) {
            int other = d.candidateDirtyBy.stream()
                    .filter(id -> id != s.sessionId())
                    .findFirst()
                    .orElse(0);
            return Reply.error(new DataError(
                    "protocol",
                    "lock-denied",
                    "error",
                    null,
                    null,
                    "the candidate has uncommitted changes of another session",
                    Map.of("session-id", String.valueOf(other))));
        }
        if (name.equals("running") && d.confirmed.pending() && d.confirmed.checkAccess(s.sessionId(), null) != null) {
            return Reply.error(new DataError(
                    "protocol",
                    "lock-denied",
                    "error",
                    null,
                    null,
                    "a confirmed commit of another session is pending",
                    Map.of("session-id", "0")));
        }
        d.locks.put(name, new LockHolder(s.sessionId(), s.username(), LockShape.NUMERIC));
        return Reply.OK;
    }

    private Reply unlock(SessionPort s, Element op) throws DataException {
        String name = target(op);
        datastore(name, false);
        LockHolder h = d.locks.get(name);
        if (h == null || h.sessionId() != s.sessionId()) {
            return Reply.error(DataError.protocol(
                    "operation-failed",
                    "the " + name + " datastore is not locked by this session",
                    h == null ? Map.of() : Map.of("session-id", String.valueOf(h.sessionId()))));
        }
        d.locks.remove(name);
        if (name.equals("candidate") && d.candidateDirtyBy.contains(s.sessionId())) {
            // like Junos and SR OS: unlocking before commit throws the session's candidate changes away
            d.candidate.replaceContent(d.running);
            d.candidateDirtyBy.clear();
            d.candidateEdits.clear();
        }
        return Reply.OK;
    }

    private Reply discard(SessionPort s) throws DataException {
        datastore("candidate", false);
        checkNotLockedByOther(s, "candidate");
        if (d.faults().rollbackFailedOnDiscard()) {
            return Reply.error(
                    DataError.application("rollback-failed", null, "discard-changes could not restore the candidate"));
        }
        d.candidate.replaceContent(d.running);
        d.candidateDirtyBy.clear();
        d.candidateEdits.clear();
        d.commitForgetsCandidate = false;
        return Reply.OK;
    }

    Reply validate(Element op) throws DataException {
        Element src = Dom.firstChild(op, "source");
        if (src != null && Dom.firstChild(src, "config") == null) {
            datastore(source(op), false);
            if ("candidate".equals(source(op)) && d.faults().validateForgetsEdits()) {
                d.commitForgetsCandidate = true;
            }
        }
        DataError failure = validationFailure();
        return failure == null ? Reply.OK : Reply.error(failure);
    }

    DataError validationFailure() {
        if (d.faults().validateErrorPath() == null) {
            return null;
        }
        return new DataError(
                "application",
                "invalid-value",
                "error",
                null,
                d.faults().validateErrorPath(),
                d.faults().validateMessage() == null
                        ? "validation failed"
                        : d.faults().validateMessage(),
                Map.of());
    }

    private Reply copyConfig(SessionPort s, Element op) throws DataException {
        String targetName = target(op);
        SimDatastore target = datastore(targetName, true);
        checkNotLockedByOther(s, targetName);
        Element src = Dom.firstChild(op, "source");
        Element inline = src == null ? null : Dom.firstChild(src, "config");
        SimDatastore source = inline != null ? SimDatastore.of(inline) : datastore(source(op), false);
        if (source == target) {
            return Reply.OK;
        }
        target.replaceContent(source);
        if (target == d.candidate) {
            d.candidateDirtyBy.add(s.sessionId());
        } else if (target == d.running) {
            d.candidate.replaceContent(d.running);
            d.notifySubscribers(Notifications.configChange(changedBy(s), "running", List.of()));
        } else {
            d.notifySubscribers(Notifications.configChange(changedBy(s), "startup", List.of()));
        }
        return Reply.OK;
    }

    private Reply deleteConfig(SessionPort s, Element op) throws DataException {
        String name = target(op);
        if (!name.equals("startup")) {
            return Reply.error(DataError.protocol(
                    "operation-not-supported", "only startup can be deleted", Map.of("bad-element", name)));
        }
        SimDatastore ds = datastore(name, true);
        checkNotLockedByOther(s, name);
        ds.replaceContent(SimDatastore.empty());
        return Reply.OK;
    }

    private Reply kill(SessionPort s, Element op) {
        Element idEl = Dom.firstChild(op, "session-id");
        int id;
        try {
            id = Integer.parseInt(idEl == null ? "" : Dom.text(idEl));
        } catch (NumberFormatException e) {
            return Reply.error(DataError.protocol(
                    "invalid-value", "session-id must be a number", Map.of("bad-element", "session-id")));
        }
        if (id == s.sessionId()) {
            return Reply.error(
                    DataError.protocol("invalid-value", "a session cannot kill itself; use close-session", Map.of()));
        }
        SessionPort victim = d.session(id);
        if (victim == null) {
            return Reply.error(
                    DataError.protocol("invalid-value", "no session " + id, Map.of("bad-element", "session-id")));
        }
        d.sessionEnded(id);
        victim.terminate();
        return Reply.OK;
    }

    private Reply subscribe(SessionPort s, Element op) {
        Element stream = Dom.firstChild(op, "stream");
        if (stream != null && !Dom.text(stream).equals("NETCONF")) {
            return Reply.error(DataError.protocol(
                    "invalid-value", "unknown stream " + Dom.text(stream), Map.of("bad-element", "stream")));
        }
        if (Dom.firstChild(op, "startTime") != null) {
            return Reply.error(DataError.protocol(
                    "operation-not-supported", "replay is not supported", Map.of("bad-element", "startTime")));
        }
        if (s.subscribed()) {
            return Reply.error(DataError.protocol("in-use", "this session already has a subscription", Map.of()));
        }
        s.subscribe();
        return Reply.OK;
    }

    static Notifications.ChangedBy changedBy(SessionPort s) {
        return new Notifications.ChangedBy(s.username(), s.sessionId(), s.sourceHost());
    }

    /** Candidate edits waiting for a commit, reported in the config-change notification of that commit. */
    void recordCandidateEdits(SessionPort s, List<AppliedEdit> edits) {
        d.candidateDirtyBy.add(s.sessionId());
        d.candidateEdits.addAll(edits);
    }

    static EditOperation parseDefaultOperation(Element op) throws DataException {
        Element e = Dom.firstChild(op, "default-operation");
        if (e == null) {
            return EditOperation.MERGE;
        }
        try {
            EditOperation v = EditOperation.parse(Dom.text(e));
            if (v == EditOperation.MERGE || v == EditOperation.REPLACE || v == EditOperation.NONE) {
                return v;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new DataException(DataError.protocol(
                "invalid-value",
                "default-operation must be merge, replace or none",
                Map.of("bad-element", "default-operation")));
    }

    static ErrorOption parseErrorOption(Element op) throws DataException {
        Element e = Dom.firstChild(op, "error-option");
        try {
            return e == null ? ErrorOption.STOP_ON_ERROR : ErrorOption.parse(Dom.text(e));
        } catch (IllegalArgumentException ex) {
            throw new DataException(DataError.protocol(
                    "invalid-value", "unknown error-option " + Dom.text(e), Map.of("bad-element", "error-option")));
        }
    }

    static EditConfig editor() {
        return new EditConfig(io.portcullis.lab.datastore.ListKeys.DEFAULT);
    }
}
