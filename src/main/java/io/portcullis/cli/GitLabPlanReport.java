package io.portcullis.cli;

import io.portcullis.diff.Change;
import io.portcullis.diff.ChangeKind;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan summarised for GitLab's merge-request widget, in the shape of its Terraform report
 * ({@code artifacts:reports:terraform}): {@code {"create":N,"update":N,"delete":N}}, one count per router. A router that
 * holds nothing of ours yet (only missing filters and bindings) is a "create", a router whose filters or bindings
 * change is an "update", and a router from which only our objects would be removed is a "delete".
 */
final class GitLabPlanReport {
    private GitLabPlanReport() {}

    static Map<String, Integer> counts(List<RouterPlan> plans) {
        int create = 0;
        int update = 0;
        int delete = 0;
        for (RouterPlan p : plans) {
            if (p.status() != RouterPlan.Status.CHANGES) {
                continue;
            }
            List<ChangeKind> kinds =
                    p.changes().diff().changes().stream().map(Change::kind).toList();
            if (!kinds.isEmpty()
                    && kinds.stream()
                            .allMatch(k -> k == ChangeKind.FILTER_MISSING || k == ChangeKind.BINDING_MISSING)) {
                create++;
            } else if (!kinds.isEmpty()
                    && kinds.stream().allMatch(k -> k == ChangeKind.FILTER_EXTRA || k == ChangeKind.BINDING_EXTRA)) {
                delete++;
            } else {
                update++;
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("create", create);
        out.put("update", update);
        out.put("delete", delete);
        return out;
    }

    static void write(List<RouterPlan> plans, Path file) throws IOException {
        JsonMappers.MESSAGES.writeValue(file.toFile(), counts(plans));
    }
}
