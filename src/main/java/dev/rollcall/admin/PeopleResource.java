package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.identity.PeopleDirectory.ListedPerson;
import dev.rollcall.identity.SourceDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;

/** /api/v1/people: the persons Rollcall resolved, for IT; merge and unmerge. */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
public final class PeopleResource {
    static final String CURSOR_LIST = "people";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final PeopleQueries people;
    private final IdentityAdministration identity;
    private final SourceDirectory sources;
    private final AdminRequests requests;
    private final ObjectMapper json;
    private final PersonViews views;
    private final PersonDetailViews details;

    public PeopleResource(PeopleQueries people, IdentityAdministration identity, SourceDirectory sources,
                          AdminRequests requests, ObjectMapper json) {
        this.people = people;
        this.identity = identity;
        this.sources = sources;
        this.requests = requests;
        this.json = json;
        this.views = new PersonViews(json);
        this.details = new PersonDetailViews(json);
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
        for (ListedPerson p : page.persons()) {
            items.add(views.summary(p, page.accounts().getOrDefault(p.pk(), List.of())));
        }
        if (page.nextKey() == null) {
            out.putNull("nextCursor");
        } else {
            out.put("nextCursor", Cursors.encode(CURSOR_LIST, page.nextKey()));
        }
        return out;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return details.detail(identity.person(id), sources.byId());
    }

    @GET
    @Path("{id}/timeline")
    public ObjectNode timeline(@PathParam("id") String id) {
        return details.timeline(id, identity.timeline(id));
    }

    /** Merges the person named in the body into this one, which survives. */
    @POST
    @Path("{id}/merge")
    public ObjectNode merge(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                            @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "personId");
        String other = AdminRequests.requiredText(in, "personId");
        return details.detail(identity.merge(AdminRequests.actor(request), id, other), sources.byId());
    }

    /** Takes the account named in the body off this person; answers with the new person holding it. */
    @POST
    @Path("{id}/unmerge")
    public ObjectNode unmerge(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                              @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "accountId");
        String accountId = AdminRequests.requiredText(in, "accountId");
        return details.detail(identity.unmerge(AdminRequests.actor(request), id, accountId), sources.byId());
    }
}
