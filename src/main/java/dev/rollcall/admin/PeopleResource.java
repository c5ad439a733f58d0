package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.store.PersonQueries.PersonRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** /api/v1/people: the persons Rollcall resolved, for IT. */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
public final class PeopleResource {
    static final String CURSOR_LIST = "people";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final PeopleQueries people;
    private final ObjectMapper json;
    private final PersonViews views;

    public PeopleResource(PeopleQueries people, ObjectMapper json) {
        this.people = people;
        this.json = json;
        this.views = new PersonViews(json);
    }

    @GET
    public ObjectNode list(@QueryParam("state") String state, @QueryParam("source") String source,
                           @QueryParam("persona") String persona, @QueryParam("department") String department,
                           @QueryParam("q") String q, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") String limit) {
        PeopleQueries.Page page = people.page(new PeopleQueries.Request(state, source, persona, department, q),
                Cursors.decode(CURSOR_LIST, cursor), Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (PersonRow p : page.persons()) {
            items.add(views.summary(p, page.accounts().getOrDefault(p.pk(), List.of())));
        }
        if (page.nextKey() == null) {
            out.putNull("nextCursor");
        } else {
            out.put("nextCursor", Cursors.encode(CURSOR_LIST, page.nextKey()));
        }
        return out;
    }
}
