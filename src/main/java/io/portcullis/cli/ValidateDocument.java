package io.portcullis.cli;

import io.portcullis.engine.ToolVersion;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.report.Documents;
import io.portcullis.inventory.Device;
import io.portcullis.policy.Diagnostic;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code validate --json} ({@code portcullis-validate/1}, {@code docs/schemas/validate.schema.json}): every diagnostic
 * with file:line, and when the inputs are valid each selected router with its {@code state} IN_SCOPE / OUT_OF_SCOPE.
 */
final class ValidateDocument {
    static final String FORMAT = "portcullis-validate/1";

    private ValidateDocument() {}

    static Map<String, Object> of(Workspace w, Path policy, Path inventory, Instant startedAt, int exitCode) {
        Map<String, Object> doc = Documents.header(FORMAT, ToolVersion.current(), startedAt, Instant.now());
        doc.put("policy", policy.toString());
        doc.put("inventory", inventory.toString());
        doc.put("valid", !w.hasErrors());
        doc.put("summary", w.summary());
        doc.put(
                "diagnostics",
                w.diagnostics().stream().map(ValidateDocument::diagnostic).toList());
        List<Map<String, Object>> routers = List.of();
        List<String> warnings = List.of();
        if (!w.hasErrors()) {
            Set<String> outside = w.outOfScope().stream().map(Device::name).collect(Collectors.toSet());
            routers = w.devices().stream()
                    .map(d -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("router", d.name());
                        m.put("platform", d.platform());
                        m.put("state", outside.contains(d.name()) ? "OUT_OF_SCOPE" : "IN_SCOPE");
                        return m;
                    })
                    .toList();
            warnings = w.missingFeatures().stream()
                    .map(s -> s.startsWith("warning: ") ? s.substring(9) : s)
                    .toList();
        }
        doc.put("routers", routers);
        doc.put("warnings", warnings);
        doc.put("exitCode", exitCode);
        return doc;
    }

    private static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().name());
        m.put("file", d.file());
        m.put("line", d.line() > 0 ? d.line() : null);
        m.put("path", d.path());
        m.put("message", d.message());
        m.put("text", d.format());
        return m;
    }
}
