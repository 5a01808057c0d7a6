package io.portcullis.web;

import io.portcullis.api.PortcullisService;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.HistoryRun;
import io.portcullis.store.StoreException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code /runs}: the run history from the database, filtered by kind, actor and router (kind and router in the
 * query, actor over the newest {@value #SCANNED} runs), and {@code /runs/{id}} with every router's outcome.
 */
@Path("/runs")
@SignedIn
public class RunsResource {
    static final int SHOWN = 100;
    static final int SCANNED = 1000;
    static final List<String> KINDS = List.of("apply", "plan", "drift", "drift-check", "recover", "remediation");

    @Inject
    PortcullisService service;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response runs(
            @QueryParam("kind") String kind, @QueryParam("actor") String actor, @QueryParam("router") String router) {
        String k = DashboardResource.blankToNull(kind);
        String a = DashboardResource.blankToNull(actor);
        String r = DashboardResource.blankToNull(router);
        Instant now = Instant.now();
        BufferedRunStore store = store();
        if (store == null) {
            return RouterPageResource.html(
                    200,
                    Pages.runs(new RunsView(List.of(), k, a, r, KINDS, offNote()))
                            .render());
        }
        try {
            List<HistoryRun> found = store.history(new HistoryQuery(r, k, null, a == null ? SHOWN : SCANNED));
            List<RunRow> rows = found.stream()
                    .filter(h -> a == null || a.equalsIgnoreCase(h.actor()))
                    .limit(SHOWN)
                    .map(h -> RunRow.of(h, now))
                    .toList();
            return RouterPageResource.html(
                    200,
                    Pages.runs(new RunsView(rows, k, a, r, KINDS, rows.isEmpty() ? "no runs match" : null))
                            .render());
        } catch (StoreException e) {
            return RouterPageResource.html(
                    503,
                    Pages.runs(new RunsView(List.of(), k, a, r, KINDS, "run history unavailable: " + e.getMessage()))
                            .render());
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("id") String id) {
        BufferedRunStore store = store();
        if (store == null) {
            return RouterPageResource.html(
                    404, Pages.problem("No run history", offNote()).render());
        }
        try {
            HistoryRun run = store.run(id).orElse(null);
            if (run == null) {
                return RouterPageResource.html(
                        404,
                        Pages.problem("No such run", "no recorded run '" + id + "'")
                                .render());
            }
            List<RunPage.Outcome> outcomes = run.routers().stream()
                    .map(o -> new RunPage.Outcome(
                            o.router(),
                            RouterPage.href(o.router()),
                            o.platform(),
                            o.state(),
                            o.reason() == null ? "" : o.reason(),
                            o.impact(),
                            o.error(),
                            String.format(Locale.US, "%,d ms", o.millis())))
                    .toList();
            String options = new TreeMap<>(run.options())
                    .entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", "));
            return RouterPageResource.html(
                    200,
                    Pages.run(new RunPage(
                                    RunRow.of(run, Instant.now()),
                                    orDash(run.osUser()),
                                    orDash(run.apiCaller()),
                                    orDash(run.toolVersion()),
                                    options.isEmpty() ? "—" : options,
                                    outcomes))
                            .render());
        } catch (StoreException e) {
            return RouterPageResource.html(
                    503,
                    Pages.problem("Run history unavailable", e.getMessage()).render());
        }
    }

    private BufferedRunStore store() {
        Served.problem(service);
        return service.store();
    }

    private String offNote() {
        return service.dbError() != null
                ? "run history unavailable: " + service.dbError()
                : "run history is off (portcullis.db.enabled=false)";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
