package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.directory.HoldDecisions;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.lifecycle.HoldQueries;
import dev.rollcall.lifecycle.HoldStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** /api/v1/holds: the bursts the breaker held, what they would change per person, approve and reject. */
@Path("/api/v1/holds")
@Produces(MediaType.APPLICATION_JSON)
public final class HoldsResource {
    static final String CURSOR_LIST = "holds";
    static final String ITEM_CURSOR = "hold-items";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final HoldQueries holds;
    private final HoldDecisions decisions;
    private final SourceDirectory sources;
    private final ObjectMapper json;
    private final LifecycleViews views;

    public HoldsResource(HoldQueries holds, HoldDecisions decisions, SourceDirectory sources, ObjectMapper json) {
        this.holds = holds;
        this.decisions = decisions;
        this.sources = sources;
        this.json = json;
        this.views = new LifecycleViews(json);
    }

    /** Newest first. */
    @GET
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("source") String source,
                           @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int n = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<HoldQueries.Summary> rows = holds.page(status(status), sourceId(source), Cursors.decode(CURSOR_LIST, cursor), n + 1);
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        rows.stream().limit(n).forEach(s -> items.add(views.hold(s)));
        if (rows.size() > n) {
            out.put("nextCursor", Cursors.encode(CURSOR_LIST, rows.get(n - 1).hold().pk()));
        } else {
            out.putNull("nextCursor");
        }
        return out;
    }

    /** The hold and its held pushes in arrival order (paged: cursor and limit apply to the items). */
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                          @QueryParam("limit") String limit) {
        HoldQueries.Summary s = summary(id);
        int n = Cursors.limit(limit, 100, 1000);
        List<HoldQueries.Item> rows = holds.items(s.hold().pk(), Cursors.decode(ITEM_CURSOR, cursor), n + 1);
        ObjectNode out = views.hold(s);
        ArrayNode items = out.putArray("items");
        rows.stream().limit(n).forEach(i -> items.add(views.item(i)));
        if (rows.size() > n) {
            out.put("nextCursor", Cursors.encode(ITEM_CURSOR, rows.get(n - 1).item().pk()));
        } else {
            out.putNull("nextCursor");
        }
        return out;
    }

    /** Applies the held pushes in arrival order; answers when all are applied. Approving a hold being applied resumes it. */
    @POST
    @Path("{id}/approve")
    public ObjectNode approve(@Context ContainerRequestContext request, @PathParam("id") String id) {
        int applied = decisions.approve(AdminRequests.actor(request), id);
        return views.hold(summary(id)).put("appliedNow", applied);
    }

    /** Discards the held pushes' person-level steps; the accounts keep their data. */
    @POST
    @Path("{id}/reject")
    public ObjectNode reject(@Context ContainerRequestContext request, @PathParam("id") String id) {
        decisions.reject(AdminRequests.actor(request), id);
        return views.hold(summary(id));
    }

    private HoldQueries.Summary summary(String id) {
        return holds.byId(id).orElseThrow(() -> new AdminException(404, "hold " + id + " not found"));
    }

    private static HoldStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return HoldStatus.byWireName(status)
                .orElseThrow(() -> new AdminException(400, "'status' must be one of open, applying, approved, rejected"));
    }

    private Long sourceId(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return sources.byName(name).map(Source::id)
                .orElseThrow(() -> new AdminException(400, "'source': no source named '" + name + "'"));
    }
}
