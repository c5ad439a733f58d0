package dev.rollcall.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.identity.SourceKind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** /api/v1/authority: per attribute, which source kinds may set it, strongest first. */
@Path("/api/v1/authority")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthorityResource {
    private final IdentityAdministration identity;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public AuthorityResource(IdentityAdministration identity, AdminRequests requests, ObjectMapper json) {
        this.identity = identity;
        this.requests = requests;
        this.json = json;
    }

    @GET
    public ObjectNode get() {
        return view(identity.authority());
    }

    /** Replaces the whole matrix; the domain validates it (a '*' rule, no kind twice). */
    @PUT
    public ObjectNode replace(@Context ContainerRequestContext request, @Context HttpHeaders headers, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "rules");
        return view(identity.replaceAuthority(AdminRequests.actor(request), rules(in.get("rules"))));
    }

    /** The rules of a matrix as sent: attribute -> list of source kinds. */
    static Map<String, List<SourceKind>> rules(JsonNode rules) {
        if (rules == null || !rules.isObject()) {
            throw new AdminException(400, "'rules' must be an object of attribute -> list of source kinds");
        }
        Map<String, List<SourceKind>> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> rule : rules.properties()) {
            if (!rule.getValue().isArray()) {
                throw new AdminException(400, "'rules." + rule.getKey() + "' must be a list of source kinds");
            }
            List<SourceKind> kinds = new ArrayList<>();
            for (JsonNode kind : rule.getValue()) {
                kinds.add(kind(rule.getKey(), kind));
            }
            parsed.put(rule.getKey(), kinds);
        }
        return parsed;
    }

    private static SourceKind kind(String attribute, JsonNode kind) {
        if (kind.isTextual()) {
            try {
                return SourceKind.fromWireName(kind.asText());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new AdminException(400, "'rules." + attribute + "': " + kind + " is not a source kind (hris, idp, crm)");
    }

    private ObjectNode view(AuthorityMatrix matrix) {
        ObjectNode out = json.createObjectNode();
        ObjectNode rules = out.putObject("rules");
        new TreeMap<>(matrix.rules()).forEach((attr, kinds) ->
                kinds.forEach(k -> rules.withArray(attr).add(k.wireName())));
        return out;
    }
}
