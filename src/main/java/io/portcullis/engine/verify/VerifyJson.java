package io.portcullis.engine.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.intent.Direction;
import io.portcullis.json.JsonMappers;
import io.portcullis.verify.Difference;
import io.portcullis.verify.EquivalenceResult;
import io.portcullis.verify.Packet;
import io.portcullis.verify.Verdict;
import io.portcullis.verify.VerificationResult;
import io.portcullis.verify.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON document of a verify run ({@code portcullis verify --json}; {@code docs/schemas/verify.schema.json}). Keys and
 * their order are a stable contract. Version 1 of the format: the unversioned document before it named a router
 * {@code device} with a lower-case {@code status}; now {@code router} and the engine's {@code state} names.
 */
public final class VerifyJson {
    private static final ObjectMapper JSON = JsonMappers.DOCUMENTS;
    public static final String FORMAT = "portcullis-verify/1";

    private VerifyJson() {}

    /** The document; {@code exitCode} is the caller's (the command line's exit status), written as the last key. */
    public static String document(VerifyRun run, int exitCode) {
        java.time.Instant now = java.time.Instant.now();
        return document(run, exitCode, now, now);
    }

    /** The document of a run that started at {@code startedAt}. */
    public static String document(
            VerifyRun run, int exitCode, java.time.Instant startedAt, java.time.Instant finishedAt) {
        List<RouterVerification> results = run.devices();
        List<EquivalenceResult> equivalence = run.crossPlatform();
        Map<String, Object> root = io.portcullis.engine.report.Documents.header(
                FORMAT, io.portcullis.engine.ToolVersion.current(), startedAt, finishedAt);
        List<Object> devices = new ArrayList<>();
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (RouterVerification.Status s : RouterVerification.Status.values()) {
            summary.put(s.name(), 0);
        }
        for (RouterVerification r : results) {
            summary.merge(r.status().name(), 1, Integer::sum);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("router", r.name());
            d.put("platform", r.platform());
            d.put("state", r.status().name());
            d.put("compiled", result(r.compiledResult()));
            d.put("readBack", result(r.readBackResult()));
            d.put("error", r.error());
            d.put("readerWarnings", r.warnings());
            devices.add(d);
        }
        root.put("routers", devices);
        List<Object> eq = new ArrayList<>();
        for (EquivalenceResult e : equivalence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("platforms", e.compared());
            m.put("equivalent", e.equivalent());
            m.put("packetClasses", e.packetClasses());
            m.put(
                    "differences",
                    e.differences().stream().map(VerifyJson::difference).toList());
            m.put("excused", e.excused().stream().map(VerifyJson::difference).toList());
            eq.add(m);
        }
        root.put("crossPlatform", eq);
        root.put("publishedPromise", promise(run));
        root.put("summary", summary);
        root.put("exitCode", exitCode);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verify report as JSON", e);
        }
    }

    /** The published promise proven (null without a promise.yaml): file, digest, kept, and each device's proofs. */
    private static Map<String, Object> promise(VerifyRun run) {
        if (run.promise() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", run.promise().file());
        m.put("digest", run.promise().digest());
        m.put("kept", run.promiseChecks().stream().allMatch(PromiseCheck::proven));
        m.put(
                "devices",
                run.promiseChecks().stream()
                        .map(c -> {
                            Map<String, Object> d = new LinkedHashMap<>();
                            d.put("device", c.device());
                            d.put("platform", c.platform());
                            d.put("kept", c.proven());
                            d.put("compiled", result(c.compiled()));
                            d.put("readBack", result(c.readBack()));
                            return d;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> result(VerificationResult r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proven", r.proven());
        m.put("packetClasses", r.packetClasses());
        m.put("obligations", r.obligations());
        m.put("violations", r.violations().stream().map(VerifyJson::violation).toList());
        m.put(
                "filters",
                r.filterStats().stream()
                        .map(f -> {
                            Map<String, Object> s = new LinkedHashMap<>();
                            s.put("name", f.filter());
                            s.put("terms", f.terms());
                            s.put("packetClasses", f.classes());
                            s.put("dropped", f.dropped());
                            s.put(
                                    "decidedByTerm",
                                    f.decidedByTerm().entrySet().stream()
                                            .collect(
                                                    LinkedHashMap::new,
                                                    (mm, e) -> mm.put(e.getKey(), e.getValue()),
                                                    Map::putAll));
                            s.put("decidedByDefault", f.decidedByDefault());
                            s.put("unusedTerms", f.unusedTerms());
                            return s;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> violation(Violation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("obligation", v.obligation());
        m.put("packet", packet(v.packet()));
        m.put("expected", v.expected().label());
        m.put("actual", v.actual().fate().label());
        m.put("decidedBy", verdict(v.actual()));
        m.put("text", v.describe());
        return m;
    }

    private static Map<String, Object> difference(Difference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packet", packet(d.packet()));
        Map<String, Object> verdicts = new LinkedHashMap<>();
        d.verdicts().forEach((k, v) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("fate", v.fate().label());
            x.put("decidedBy", verdict(v));
            verdicts.put(k, x);
        });
        m.put("verdicts", verdicts);
        m.put(
                "excusedBy",
                d.excusedBy() == null
                        ? null
                        : Map.of(
                                "platform",
                                d.excusedBy().platform(),
                                "feature",
                                d.excusedBy().feature().id()));
        m.put("text", d.describe());
        return m;
    }

    private static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filter", v.filter());
        m.put("term", v.term());
        m.put("text", v.decidedBy());
        return m;
    }

    private static Map<String, Object> packet(Packet p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", p.family().id());
        m.put("protocol", p.protocol().label());
        m.put("protocolNumber", p.protocol().number());
        m.put("sourceAddress", p.sourceAddressText());
        m.put("sourcePort", p.hasPorts() ? p.sourcePort() : null);
        m.put("destinationAddress", p.destinationAddressText());
        m.put("destinationPort", p.hasPorts() ? p.destinationPort() : null);
        m.put("exempt", p.exempt());
        m.put("direction", p.direction() == Direction.TO_SUBSCRIBER ? "to-subscriber" : "from-subscriber");
        if (p.attachPoint() != null) {
            m.put("attachKind", id(p.attachPoint().kind().name()));
            m.put("attachPoint", p.attachPoint().name());
        }
        return m;
    }

    private static String id(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
