package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.ServerKeys;
import dev.rollcall.delivery.rules.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * /api/v1/signing-keys: the server's signing keys (kid, algorithm, since, retiring at; never a private
 * half) and their rotation: {@code POST /rotate} {@code {"alg":"ES256"}} makes a new current key, the
 * previous one stops signing and stays in the JWKS for ROLLCALL_SIGNING_KEY_OVERLAP.
 */
@Path("/api/v1/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class SigningKeysResource {
    private final ServerKeys keys;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public SigningKeysResource(ServerKeys keys, AdminRequests requests, ObjectMapper json) {
        this.keys = keys;
        this.requests = requests;
        this.json = json;
    }

    @GET
    public ObjectNode list() {
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        keys.published().forEach(k -> items.add(view(k)));
        return out;
    }

    @POST
    @Path("rotate")
    public ObjectNode rotate(@Context ContainerRequestContext request, @Context HttpHeaders headers, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, true);
        AdminRequests.onlyFields(in, "alg");
        String alg = AdminRequests.optionalText(in, "alg");
        SigningKey fresh = SubscriptionsResource.call(() -> keys.rotate(AdminRequests.actor(request),
                alg == null ? SigningKey.ES256 : alg));
        return view(fresh);
    }

    private ObjectNode view(SigningKey k) {
        ObjectNode out = json.createObjectNode();
        out.put("kid", k.kid());
        out.put("alg", k.alg());
        out.put("created", k.createdAt().toString());
        out.put("status", k.retiresAt() == null ? "current" : "retiring");
        if (k.retiresAt() != null) {
            out.put("retiresAt", k.retiresAt().toString());
        }
        return out;
    }
}
