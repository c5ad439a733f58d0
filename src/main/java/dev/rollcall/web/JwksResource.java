package dev.rollcall.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.ServerKeys;
import dev.rollcall.delivery.rules.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /.well-known/jwks.json, public: the public halves of the server's signing keys, current and
 * retiring, so receivers verify Security Event Tokens (and v1a webhook signatures) by {@code kid}.
 */
@Path("/.well-known/jwks.json")
public final class JwksResource {
    private final ServerKeys keys;
    private final ObjectMapper json;

    public JwksResource(ServerKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public ObjectNode jwks() {
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("keys");
        for (SigningKey k : keys.published()) {
            try {
                list.add(json.readTree(k.publicJwk()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored public key " + k.kid() + " is not JSON", e);
            }
        }
        return out;
    }
}
