package io.portcullis.lab.device;

import io.portcullis.lab.datastore.AppliedEdit;
import io.portcullis.lab.datastore.DataError;
import io.portcullis.lab.datastore.DataException;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.EditOperation;
import io.portcullis.lab.datastore.ErrorOption;
import io.portcullis.lab.datastore.SimDatastore;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** edit-config with test-option and error-option (RFC 6241 §7.2) on the candidate, or on running with :writable-running. */
final class EditRpc {
    private final SimDevice d;
    private final SessionPort s;
    private final Rpcs rpcs;

    EditRpc(SimDevice device, SessionPort session) {
        this.d = device;
        this.s = session;
        this.rpcs = new Rpcs(device);
    }

    Reply run(Element op) throws DataException {
        String targetName = Rpcs.target(op);
        SimDatastore target = rpcs.datastore(targetName, true);
        rpcs.checkNotLockedByOther(s, targetName);
        Element config = Dom.firstChild(op, "config");
        if (config == null) {
            throw new DataException(DataError.protocol(
                    Dom.firstChild(op, "url") != null ? "operation-not-supported" : "missing-element",
                    "edit-config needs <config> (no :url support)",
                    Map.of("bad-element", "config")));
        }
        EditOperation defaultOp = Rpcs.parseDefaultOperation(op);
        ErrorOption errorOption = Rpcs.parseErrorOption(op);
        if (errorOption == ErrorOption.ROLLBACK_ON_ERROR && !d.profile().rollbackOnError()) {
            throw new DataException(DataError.protocol(
                    "operation-not-supported",
                    "rollback-on-error is not supported here",
                    Map.of("bad-element", "error-option")));
        }
        String testOption = Dom.firstChild(op, "test-option") == null
                ? (d.profile().validate() ? "test-then-set" : "set")
                : Dom.text(Dom.firstChild(op, "test-option"));
        if (!List.of("test-then-set", "set", "test-only").contains(testOption)) {
            throw new DataException(DataError.protocol(
                    "invalid-value", "unknown test-option " + testOption, Map.of("bad-element", "test-option")));
        }
        if (testOption.equals("test-only")) {
            SimDatastore scratch = target.copy();
            Rpcs.editor().run(scratch, config, defaultOp, ErrorOption.STOP_ON_ERROR);
            DataError invalid = rpcs.validationFailure();
            return invalid == null ? Reply.OK : Reply.error(invalid);
        }
        SimDatastore before = testOption.equals("test-then-set") ? target.copy() : null;
        List<AppliedEdit> edits;
        try {
            edits = Rpcs.editor().run(target, config, defaultOp, errorOption);
        } catch (DataException e) {
            // stop-on-error and continue-on-error leave what was applied: the target is now dirty too
            afterEdit(target, List.of());
            throw e;
        }
        if (before != null) {
            DataError invalid = rpcs.validationFailure();
            if (invalid != null) {
                target.replaceContent(before);
                return Reply.error(invalid);
            }
        }
        if (target == d.candidate && d.faults().candidateAlsoGets() != null) {
            io.portcullis.lab.datastore.EditConfig.apply(
                    target,
                    SimDevice.parseConfig(d.faults().candidateAlsoGets()),
                    EditOperation.MERGE,
                    ErrorOption.ROLLBACK_ON_ERROR);
        }
        afterEdit(target, edits);
        return Reply.OK;
    }

    private void afterEdit(SimDatastore target, List<AppliedEdit> edits) {
        if (target == d.candidate) {
            rpcs.recordCandidateEdits(s, edits);
        } else if (target == d.running) {
            if (d.candidateDirtyBy.isEmpty()) {
                d.candidate.replaceContent(d.running);
            }
            if (!edits.isEmpty()) {
                d.notifySubscribers(Notifications.configChange(Rpcs.changedBy(s), "running", edits));
            }
        }
    }
}
