package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.lifecycle.TimerKind;
import dev.rollcall.lifecycle.TimerQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** /api/v1/timers: what is due and when, soonest first, filtered and paged by cursor. */
@Path("/api/v1/timers")
@Produces(MediaType.APPLICATION_JSON)
public final class TimersResource {
    static final String CURSOR_LIST = "timers";
    private static final Set<String> STATUSES = Set.of("pending", "fired", "cancelled", "moved");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final TimerQueries timers;
    private final ObjectMapper json;
    private final LifecycleViews views;

    public TimersResource(TimerQueries timers, ObjectMapper json) {
        this.timers = timers;
        this.json = json;
        this.views = new LifecycleViews(json);
    }

    @GET
    public ObjectNode list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                           @QueryParam("dueAfter") String dueAfter, @QueryParam("dueBefore") String dueBefore,
                           @QueryParam("person") String person, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") String limit) {
        TimerQueries.Filter filter = new TimerQueries.Filter(kind(kind), status(status), time("dueAfter", dueAfter),
                time("dueBefore", dueBefore), person == null || person.isBlank() ? null : person.strip());
        int n = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<TimerQueries.Listed> rows = timers.page(filter, after(cursor), n + 1);
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        rows.stream().limit(n).forEach(t -> items.add(views.timer(t)));
        if (rows.size() > n) {
            TimerQueries.Listed last = rows.get(n - 1);
            out.put("nextCursor", Cursors.encodeText(CURSOR_LIST, last.dueAt() + "|" + last.pk()));
        } else {
            out.putNull("nextCursor");
        }
        return out;
    }

    private static TimerQueries.After after(String cursor) {
        String text = Cursors.decodeText(CURSOR_LIST, cursor);
        if (text == null) {
            return null;
        }
        int bar = text.lastIndexOf('|');
        try {
            return new TimerQueries.After(Instant.parse(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new AdminException(400, "'cursor' is not a cursor of this list; pass back the nextCursor of a previous page");
        }
    }

    private static TimerKind kind(String kind) {
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        return TimerKind.byWireName(kind).orElseThrow(() -> new AdminException(400, "'kind' must be one of "
                + String.join(", ", Arrays.stream(TimerKind.values()).map(TimerKind::wireName).toList())));
    }

    private static String status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        if (!STATUSES.contains(status)) {
            throw new AdminException(400, "'status' must be one of pending, fired, cancelled, moved");
        }
        return status;
    }

    private static Instant time(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LifecycleResource.instant(text);
        } catch (AdminException e) {
            throw new AdminException(400, "'" + name + "' must be an RFC 3339 date-time such as 2026-12-01T09:00:00Z");
        }
    }
}
