package io.portcullis.web;

import io.portcullis.alert.Alert;
import io.portcullis.api.CounterSampling;
import io.portcullis.api.DropHistory;
import io.portcullis.api.PortcullisService;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.targets.Target;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.StoreException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code /routers/{name}}: one router's page ({@link RouterPage}). */
@Path("/routers")
@SignedIn
public class RouterPageResource {
    static final int RUNS_SHOWN = 20;
    static final int CHART_INTERVALS = 60;

    @Inject
    PortcullisService service;

    @Inject
    CounterSampling sampling;

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_HTML)
    public Response router(@PathParam("name") String name) {
        String problem = Served.problem(service);
        if (problem != null) {
            return html(503, Pages.problem("Service not ready", problem).render());
        }
        Target target = service.monitor().targets().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(null);
        if (target == null) {
            return html(
                    404,
                    Pages.problem("No such router", "no router '" + name + "' in the policy's scope")
                            .render());
        }
        return html(200, Pages.router(page(target, Instant.now())).render());
    }

    private RouterPage page(Target t, Instant now) {
        RouterStatus s = service.monitor().status().get(t.name());
        FleetState state = FleetState.of(s);
        DriftEntry d = s == null ? null : s.drift();
        Alert alert = service.monitor().alerter().activeAlert(t.name()).orElse(null);
        DropHistory drops = sampling.history();
        List<DropHistory.Interval> shown = drops.intervals(t.name(), CHART_INTERVALS);
        List<RouterPage.ChartRow> rows = new ArrayList<>();
        for (int i = shown.size() - 1; i >= 0 && rows.size() < 12; i--) {
            DropHistory.Interval iv = shown.get(i);
            String series = iv.dropped().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + String.format(Locale.US, "%,d", e.getValue()))
                    .collect(Collectors.joining(", "));
            rows.add(new RouterPage.ChartRow(
                    DropChart.time(iv.from()) + "–" + DropChart.time(iv.to()), series.isEmpty() ? "none" : series));
        }
        Instant hourAgo = now.minus(Duration.ofHours(1));
        List<RunRow> runs = new ArrayList<>();
        String runsNote = null;
        BufferedRunStore store = service.store();
        if (store == null) {
            runsNote = service.dbError() != null
                    ? "run history unavailable: " + service.dbError()
                    : "run history is off (portcullis.db.enabled=false)";
        } else {
            try {
                store.history(new HistoryQuery(t.name(), null, null, RUNS_SHOWN))
                        .forEach(r -> runs.add(RunRow.of(r, now)));
            } catch (StoreException e) {
                runsNote = "run history unavailable: " + e.getMessage();
            }
        }
        PortcullisService.QuarantineList ql = service.quarantineList();
        io.portcullis.engine.memory.Quarantine q = FleetView.quarantineOf(t, ql.all());
        RouterPage.QuarantineNotice notice = q == null
                ? null
                : new RouterPage.QuarantineNotice(
                        q.router(),
                        Ago.utc(q.since()),
                        Ago.iso(q.since()),
                        Ago.since(q.since(), now),
                        q.runId(),
                        store == null || q.runId() == null ? null : "/runs/" + q.runId(),
                        q.actor(),
                        q.state(),
                        q.reason(),
                        "portcullis quarantine release " + q.router());
        boolean drifted = d != null && "drift".equals(d.status());
        return new RouterPage(
                t.name(),
                t.device().platform(),
                String.join(", ", t.device().groups()),
                state.id(),
                state.text(),
                state.symbol(),
                Served.revisionOf(s),
                s == null || s.revisions() == null ? null : s.revisions().note(),
                s == null ? "never" : Ago.since(s.lastCheck(), now),
                s == null ? "" : Ago.iso(s.lastCheck()),
                s == null ? "" : s.trigger(),
                d == null || d.error() == null ? null : (d.errorKind() == null ? "" : d.errorKind() + ": ") + d.error(),
                drifted ? d.impact() : List.of(),
                drifted ? d.changes() : List.of(),
                drifted ? author(s, alert) : null,
                drifted && alert != null && alert.startsAt() != null ? Ago.utc(alert.startsAt()) : null,
                drifted ? d.diff() : null,
                drops.verdict(t.name()).orElse("no counter sample yet"),
                drops.noEnforcementObserved(t.name(), hourAgo)
                        ? "no enforcement observed: no drops in the last hour while most routers drop probes"
                        : null,
                DropChart.svg(t.name(), shown),
                rows,
                runs,
                runsNote,
                notice,
                ql.error());
    }

    /** Who changed a drifted router: the status carries it (a follower has no alert state of its own), else the open alert. */
    private static String author(RouterStatus s, Alert alert) {
        if (s.changedBy() != null) {
            return s.changedBy();
        }
        return alert != null && alert.changedBy() != null
                ? alert.changedBy()
                : "unknown (no change notification named anyone)";
    }

    static Response html(int status, String body) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body)
                .build();
    }
}
