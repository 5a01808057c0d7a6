package io.portcullis.api;

import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.DriftDocument;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.targets.Target;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.StoreException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * REST API, thin over the engine: routers and their state, drift, plan (read token), drift check and apply
 * (full token, {@link WriteAccess}; checked by {@link ApiTokenFilter}), runs. Apply answers 202 and runs in
 * the background ({@link ApplyRuns}).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "portcullis.api.read-token (read, plan) or portcullis.api.token (everything)")
@SecurityRequirement(name = "bearer")
public class ApiResource {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ApiResource.class);

    @Inject
    PortcullisService service;

    @Inject
    ApplyRuns runs;

    /** Body of POST /api/apply; every field optional (no routers = all). */
    public record ApplyRequest(
            List<String> routers,
            Integer canary,
            Integer batch,
            Integer parallel,
            Integer maxFailures,
            Integer confirmTimeout) {}

    /**
     * @param quarantine set when apply skips this router until it is released (issue 13 item 3), else null
     * @param observedBy the replica whose check {@code last} is: this one while it leads, else the leader that recorded it
     *                   in the database (a follower serves that), null when unchecked
     * @param ageSeconds seconds since the router was last checked (by whichever replica), null when unchecked
     */
    public record RouterView(
            String router,
            String platform,
            String status,
            RouterStatus last,
            io.portcullis.engine.memory.Quarantine quarantine,
            String observedBy,
            Long ageSeconds) {}

    /** The answer to POST /api/apply: follow {@code href} until its state is no longer RUNNING. */
    public record RunStarted(String runId, RunRecord.State state, String href) {}

    public record RunSummary(
            String runId,
            RunRecord.State state,
            String startedBy,
            String startedAt,
            String finishedAt,
            int routers,
            String error) {}

    @GET
    @Path("/routers")
    public List<RouterView> routers() {
        ready();
        List<RouterView> out = new ArrayList<>();
        java.util.Map<String, io.portcullis.engine.memory.Quarantine> quarantined = service.quarantined();
        java.time.Instant now = java.time.Instant.now();
        for (Target t : service.monitor().targets()) {
            RouterStatus s = service.monitor().status().get(t.name());
            out.add(new RouterView(
                    t.name(),
                    t.device().platform(),
                    s == null ? "unchecked" : s.drift().status(),
                    s,
                    quarantined.get(t.name()),
                    s == null ? null : service.observedBy(t.name()),
                    s == null || s.lastCheck() == null
                            ? null
                            : Math.max(
                                    0,
                                    java.time.Duration.between(s.lastCheck(), now)
                                            .toSeconds())));
        }
        return out;
    }

    /** Routers apply skips until someone releases them ({@code portcullis quarantine release ROUTER}). */
    @GET
    @Path("/quarantine")
    public List<io.portcullis.engine.memory.Quarantine> quarantine() {
        ready();
        return List.copyOf(service.quarantined().values());
    }

    @GET
    @Path("/routers/{name}")
    public RouterView router(@PathParam("name") String name) {
        return routers().stream()
                .filter(r -> r.router().equals(name))
                .findFirst()
                .orElseThrow(() -> error(404, "no router '" + name + "' in the inventory"));
    }

    @GET
    @Path("/drift")
    public Map<String, Object> drift() {
        ready();
        List<RouterStatus> statuses = List.copyOf(service.monitor().status().values());
        List<RouterStatus> drifted = statuses.stream()
                .filter(s -> !"in-sync".equals(s.drift().status()))
                .filter(s -> !"pending".equals(s.drift().status()))
                .toList(); // pending: in line with its applied revision, not drift
        // the document of the checks it summarises: from the oldest router's last check to the newest one's
        java.time.Instant first = statuses.stream()
                .map(RouterStatus::lastCheck)
                .filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder())
                .orElse(null);
        java.time.Instant last = statuses.stream()
                .map(RouterStatus::lastCheck)
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder())
                .orElse(null);
        // with each router's check time and author: on a follower these are the leader's findings, read from the
        // database
        return DriftDocument.ofStatuses(service.engine().toolVersion(), first, last, drifted);
    }

    @POST
    @Path("/drift/check")
    @WriteAccess
    public List<RouterStatus> checkNow() {
        ready();
        leaderOnly();
        service.checkAll("api");
        return List.copyOf(service.monitor().status().values());
    }

    @POST
    @Path("/plan")
    public PlanFile plan() {
        ready();
        java.time.Instant started = java.time.Instant.now();
        int parallel = service.config().parallel();
        List<io.portcullis.engine.plan.RouterPlan> plans =
                service.engine().plan(List.copyOf(service.monitor().targets()), parallel);
        ServiceRecorder recorder = service.recorder();
        if (recorder != null) {
            // recorded like a REST apply (caller "api") and a CLI plan; the history database is never a reason to fail
            // the plan
            try {
                recorder.apiPlan(
                        java.util.UUID.randomUUID().toString(),
                        "api",
                        started,
                        plans,
                        io.portcullis.engine.Engine.exitCode(plans),
                        Map.of("parallel", "" + parallel));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "the plan of %d routers is not recorded in the history database: %s",
                        plans.size(), e.getMessage());
            }
        }
        return service.engine().planFile(service.policyDigest(), plans, started);
    }

    @POST
    @Path("/apply")
    @WriteAccess
    public Response apply(ApplyRequest req) {
        ready();
        leaderOnly();
        ApplyRequest r = req == null ? new ApplyRequest(null, null, null, null, null, null) : req;
        List<Target> targets = selected(r.routers());
        ApplyOptions o;
        try {
            ApplyOptions d = service.applyOptions();
            o = d.withRollout(or(r.canary(), 0), or(r.batch(), 0), or(r.parallel(), 10), or(r.maxFailures(), 0));
            if (r.confirmTimeout() != null) {
                o = o.withConfirmTimeoutOverride(
                        r.confirmTimeout()); // the request, like a flag, wins over the inventory
            }
        } catch (IllegalArgumentException e) {
            throw error(400, e.getMessage());
        }
        RunRecord run;
        try {
            run = runs.start(targets, o, "api");
        } catch (IllegalStateException e) {
            throw error(409, e.getMessage());
        }
        String href = "/api/runs/" + run.runId();
        return Response.accepted(new RunStarted(run.runId(), run.state(), href))
                .location(URI.create(href))
                .build();
    }

    private List<Target> selected(List<String> names) {
        List<Target> all = List.copyOf(service.monitor().targets());
        if (names == null || names.isEmpty()) {
            return all;
        }
        Set<String> want = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) {
                throw error(
                        400,
                        "'routers' entry " + (i + 1) + " is empty; list router names as strings (GET /api/routers)");
            }
            want.add(n.trim());
        }
        Set<String> known = new LinkedHashSet<>(all.stream().map(Target::name).toList());
        for (String n : want) {
            if (!known.contains(n)) {
                throw error(
                        400, "router '" + n + "' in 'routers' is not in the inventory; GET /api/routers lists them");
            }
        }
        return all.stream().filter(t -> want.contains(t.name())).toList();
    }

    /** Recorded runs from the history database, newest first (the same JSON as {@code portcullis history --json}, without routers). */
    @GET
    @Path("/runs")
    public Object runs(
            @QueryParam("router") String router, @QueryParam("kind") String kind, @QueryParam("limit") Integer limit) {
        service.start();
        BufferedRunStore store = service.store();
        if (store == null) {
            // recording is off (portcullis.db.enabled=false): only this replica's recent API runs are known
            return runs.registry().recent(100).stream()
                    .map(r -> new RunSummary(
                            r.runId(),
                            r.state(),
                            r.startedBy(),
                            r.startedAt().toString(),
                            r.finishedAt() == null ? null : r.finishedAt().toString(),
                            r.routers().size(),
                            r.error()))
                    .toList();
        }
        try {
            java.time.Instant started = java.time.Instant.now();
            return HistoryDocument.of(
                    store.history(new HistoryQuery(router, kind, null, limit == null ? 50 : Math.min(limit, 1000))),
                    service.engine().toolVersion(),
                    started);
        } catch (StoreException e) {
            throw error(503, e.getMessage());
        }
    }

    /** One recorded run, router by router. */
    @GET
    @Path("/runs/{id}")
    public Object run(@PathParam("id") String id) {
        // an API apply still running (or just finished) is followed live from this replica's registry, the shape
        // POST /api/apply's href promises; every other run comes from the history database
        java.util.Optional<RunRecord> live = runs.registry().find(id);
        if (live.isPresent()) {
            return live.get();
        }
        service.start();
        BufferedRunStore store = service.store();
        if (store == null) {
            throw error(404, "no run '" + id + "'; GET /api/runs lists the recent ones");
        }
        try {
            java.time.Instant started = java.time.Instant.now();
            return HistoryDocument.of(
                    List.of(store.run(id)
                            .orElseThrow(() -> error(404, "no run '" + id + "'; GET /api/runs lists them"))),
                    service.engine().toolVersion(),
                    started);
        } catch (StoreException e) {
            throw error(503, e.getMessage());
        }
    }

    private void ready() {
        service.start();
        if (!service.ready()) {
            throw error(503, service.loadError() == null ? "the service is starting" : service.loadError());
        }
    }

    /** Apply and drift checks talk to routers: only the leader does that (a follower answers 503 naming the leader). */
    private void leaderOnly() {
        Leadership l = service.leadership();
        if (l != null && !l.leading()) {
            throw error(
                    503,
                    "replica " + l.election().replica() + " is a follower; send this to the leader, replica "
                            + l.leaderName());
        }
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    static WebApplicationException error(int status, String message) {
        return new WebApplicationException(Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build());
    }
}
