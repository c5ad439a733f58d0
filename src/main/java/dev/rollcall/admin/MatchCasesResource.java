package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.CaseDecision;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.identity.MatchCaseView;
import dev.rollcall.identity.Source;
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
import java.util.Map;

/** /api/v1/match-cases: matches a human must decide, their evidence, and the decisions. */
@Path("/api/v1/match-cases")
@Produces(MediaType.APPLICATION_JSON)
public final class MatchCasesResource {
    static final String CURSOR_LIST = "match-cases";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final IdentityAdministration identity;
    private final SourceDirectory sources;
    private final AdminRequests requests;
    private final ObjectMapper json;
    private final MatchCaseViews views;

    public MatchCasesResource(IdentityAdministration identity, SourceDirectory sources, AdminRequests requests,
                              ObjectMapper json) {
        this.identity = identity;
        this.sources = sources;
        this.requests = requests;
        this.json = json;
        this.views = new MatchCaseViews(json);
    }

    @GET
    public ObjectNode list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") String limit) {
        int size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        if (status != null && !status.equals("open") && !status.equals("decided")) {
            throw new AdminException(400, "'status' must be open or decided");
        }
        // One case more than asked tells whether a next page exists.
        List<MatchCaseView> cases = identity.matchCases(status, size + 1, Cursors.decodeText(CURSOR_LIST, cursor));
        Map<Long, Source> names = sources.byId();
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        cases.stream().limit(size).forEach(c -> items.add(views.matchCase(c, names)));
        if (cases.size() > size) {
            out.put("nextCursor", Cursors.encodeText(CURSOR_LIST, cases.get(size - 1).id()));
        } else {
            out.putNull("nextCursor");
        }
        return out;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return views.matchCase(identity.matchCase(id), sources.byId());
    }

    @POST
    @Path("{id}/decision")
    public ObjectNode decide(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                             @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "decision", "personId");
        String personId = AdminRequests.optionalText(in, "personId");
        CaseDecision decision = switch (AdminRequests.requiredText(in, "decision")) {
            case "link" -> {
                if (personId == null || personId.isBlank()) {
                    throw new AdminException(400, "'personId' is required with decision 'link'");
                }
                yield new CaseDecision.LinkTo(personId);
            }
            case "new-person" -> new CaseDecision.NewPerson();
            case "ignore" -> new CaseDecision.Ignore();
            default -> throw new AdminException(400, "'decision' must be link, new-person or ignore");
        };
        if (personId != null && !(decision instanceof CaseDecision.LinkTo)) {
            throw new AdminException(400, "'personId' is only allowed with decision 'link'");
        }
        return views.matchCase(identity.decide(AdminRequests.actor(request), id, decision), sources.byId());
    }
}
