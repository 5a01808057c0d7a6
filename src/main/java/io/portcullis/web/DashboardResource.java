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
 * {@code ?state=}, {@code ?platform=}, {@code ?group=} filter; {@code ?wall=1} is the large-font wall-screen mode.
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
    public Response fleet(@QueryParam("state") String state, @QueryParam("platform") String platform, @QueryParam("group") String group,
                          @QueryParam("wall") String wall) {
        FleetView v = view(state, platform, group, wall);
        return Response.status(v.note() == null ? 200 : 503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(Pages.fleet(v).render()).build();
    }

    @GET
    @Path("fleet.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response fleetJson(@QueryParam("state") String state, @QueryParam("platform") String platform,
                              @QueryParam("group") String group) {
        FleetView v = view(state, platform, group, null);
        return Response.status(v.note() == null ? 200 : 503).header(HttpHeaders.CACHE_CONTROL, "no-store").entity(v).build();
    }

    private FleetView view(String state, String platform, String group, String wall) {
        boolean isWall = wall != null && !wall.isEmpty() && !wall.equals("0");
        Instant now = Instant.now();
        String problem = Served.problem(service);
        if (problem != null) {
            return FleetView.unavailable(problem, isWall, now);
        }
        return FleetView.of(service.monitor().targets(), service.monitor().status(), sampling.history(), Served.revisions(service),
                new FleetView.Filter(blankToNull(state), blankToNull(platform), blankToNull(group)), isWall, now, service.followerNote());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
