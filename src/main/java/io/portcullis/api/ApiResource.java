package io.portcullis.api;

import io.portcullis.engine.Target;
import io.portcullis.engine.apply.ApplyOptions;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.plan.PlanFile;
import io.portcullis.engine.report.RunReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import io.portcullis.store.BufferedRunStore;
import io.portcullis.store.HistoryDocument;
import io.portcullis.store.HistoryQuery;
import io.portcullis.store.StoreException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REST API: routers and their status, drift, plan (read-only, open) and apply (bearer token from
 * {@code portcullis.api.token}; refused when unset), run reports. Thin over the engine.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {
    @Inject
    PortcullisService service;

    /** Body of POST /api/apply; every field optional. */
    public record ApplyRequest(List<String> routers, Integer canary, Integer batch, Integer parallel, Integer maxFailures,
                               Integer confirmTimeout) {
    }

    public record RouterView(String router, String platform, String status, RouterStatus last) {
    }

    @GET
    @Path("/routers")
    public List<RouterView> routers() {
        ready();
        List<RouterView> out = new ArrayList<>();
        for (Target t : service.monitor().targets()) {
            RouterStatus s = service.monitor().status().get(t.name());
            out.add(new RouterView(t.name(), t.device().platform(), s == null ? "unchecked" : s.drift().status(), s));
        }
        return out;
    }

    @GET
    @Path("/routers/{name}")
    public RouterView router(@PathParam("name") String name) {
        return routers().stream().filter(r -> r.router().equals(name)).findFirst()
                .orElseThrow(() -> error(404, "no router '" + name + "' in the inventory"));
    }

    @GET
    @Path("/drift")
    public List<DriftEntry> drift() {
        ready();
        return service.monitor().status().values().stream().map(RouterStatus::drift).filter(d -> !"in-sync".equals(d.status())).toList();
    }

    @POST
    @Path("/drift/check")
    public List<RouterStatus> checkNow(@HeaderParam("Authorization") String auth) {
        authorize(auth);
        ready();
        service.checkAll("api");
        return List.copyOf(service.monitor().status().values());
    }

    @POST
    @Path("/plan")
    public PlanFile plan() {
        ready();
        return service.engine().planFile(service.policyDigest(),
                service.engine().plan(List.copyOf(service.monitor().targets()), service.config().parallel()));
    }

    @POST
    @Path("/apply")
    public RunReport apply(@HeaderParam("Authorization") String auth, ApplyRequest req) {
        authorize(auth);
        ready();
        ApplyRequest r = req == null ? new ApplyRequest(null, null, null, null, null, null) : req;
        List<Target> targets = List.copyOf(service.monitor().targets());
        if (r.routers() != null && !r.routers().isEmpty()) {
            Set<String> want = Set.copyOf(r.routers());
            targets = targets.stream().filter(t -> want.contains(t.name())).toList();
            if (targets.size() != want.size()) {
                throw error(400, "unknown router in 'routers'; GET /api/routers lists them");
            }
        }
        ApplyOptions o;
        try {
            ApplyOptions d = service.applyOptions();
            o = d.withRollout(or(r.canary(), 0), or(r.batch(), 0), or(r.parallel(), 10), or(r.maxFailures(), 0))
                    .withConfirmTimeout(or(r.confirmTimeout(), d.confirmTimeoutSeconds()));
        } catch (IllegalArgumentException e) {
            throw error(400, e.getMessage());
        }
        return service.apply(targets, o, "bearer-token");
    }

    /** Recorded runs from the history database, newest first (the same JSON as {@code portcullis history --json}, without routers). */
    @GET
    @Path("/runs")
    public HistoryDocument runs(@QueryParam("router") String router, @QueryParam("kind") String kind, @QueryParam("limit") Integer limit) {
        BufferedRunStore store = store();
        try {
            return HistoryDocument.of(store.history(new HistoryQuery(router, kind, null, limit == null ? 50 : Math.min(limit, 1000))));
        } catch (StoreException e) {
            throw error(503, e.getMessage());
        }
    }

    /** One recorded run, router by router. */
    @GET
    @Path("/runs/{id}")
    public HistoryDocument run(@PathParam("id") String id) {
        BufferedRunStore store = store();
        try {
            return HistoryDocument.of(List.of(store.run(id).orElseThrow(() -> error(404, "no run '" + id + "'; GET /api/runs lists them"))));
        } catch (StoreException e) {
            throw error(503, e.getMessage());
        }
    }

    private BufferedRunStore store() {
        service.start();
        BufferedRunStore store = service.store();
        if (store == null) {
            throw error(404, service.dbError() != null ? "runs are not recorded: " + service.dbError()
                    : "runs are not recorded (portcullis.db.enabled=false)");
        }
        return store;
    }

    private void ready() {
        service.start();
        if (!service.ready()) {
            throw error(503, service.loadError() == null ? "the service is starting" : service.loadError());
        }
    }

    private void authorize(String header) {
        String token = service.config() == null ? ServiceConfig.load().apiToken().orElse(null) : service.config().apiToken().orElse(null);
        if (token == null) {
            throw error(403, "this endpoint is disabled: set portcullis.api.token (env PORTCULLIS_API_TOKEN) to enable it");
        }
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        // constant-time comparison: the token guards changes to routers
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw error(401, "missing or wrong bearer token");
        }
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    private static WebApplicationException error(int status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build());
    }
}
