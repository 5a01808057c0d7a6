package io.portcullis.web;

import io.portcullis.api.CounterSampling;
import io.portcullis.api.PortcullisService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * The fleet at a glance: {@code /} renders it (server-side, complete without JavaScript; a {@code noscript}
 * meta refresh reloads it), {@code /fleet.json} is what {@code fleet.js} polls to update the rows in place.
 * {@code ?state=}, {@code ?platform=}, {@code ?group=} filter, {@code ?quarantined=1} keeps quarantined routers only;
 * {@code ?wall=1} is the large-font wall-screen mode. Problems are listed first and at most
 * {@link FleetView#DEFAULT_LIMIT} rows unless {@code ?all=1} (the counts cover the whole fleet either way). The
 * quarantine is read from this replica's router guard (the database when recording is on, so a follower shows what the
 * leader or a CLI run recorded) at most once per {@code portcullis.quarantine.read-cache}, and at once after a
 * quarantine or release through this replica.
 */
@Path("/")
@SignedIn
public class DashboardResource {
    @Inject
    PortcullisService service;

    @Inject
    CounterSampling sampling;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response fleet(
            @QueryParam("state") String state,
            @QueryParam("platform") String platform,
            @QueryParam("group") String group,
            @QueryParam("quarantined") String quarantined,
            @QueryParam("wall") String wall,
            @QueryParam("all") String all) {
        FleetView v = view(state, platform, group, quarantined, wall, all);
        return Response.status(v.note() == null ? 200 : 503)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Pages.fleet(v).render())
                .build();
    }

    @GET
    @Path("fleet.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response fleetJson(
            @QueryParam("state") String state,
            @QueryParam("platform") String platform,
            @QueryParam("group") String group,
            @QueryParam("quarantined") String quarantined,
            @QueryParam("all") String all) {
        FleetView v = view(state, platform, group, quarantined, null, all);
        return Response.status(v.note() == null ? 200 : 503)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(v)
                .build();
    }

    private FleetView view(String state, String platform, String group, String quarantined, String wall, String all) {
        boolean isWall = on(wall);
        Instant now = Instant.now();
        String problem = Served.problem(service);
        if (problem != null) {
            return FleetView.unavailable(problem, isWall, now);
        }
        PortcullisService.QuarantineList q = service.quarantineList();
        return FleetView.of(
                service.monitor().targets(),
                service.monitor().status(),
                sampling.history(),
                Served.revisions(service),
                q.all(),
                q.error(),
                new FleetView.Filter(blankToNull(state), blankToNull(platform), blankToNull(group), on(quarantined)),
                isWall,
                now,
                service.followerNote(),
                on(all) ? 0 : FleetView.DEFAULT_LIMIT);
    }

    /** A flag parameter: present and neither empty nor "0". */
    private static boolean on(String flag) {
        return flag != null && !flag.isEmpty() && !flag.equals("0");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
