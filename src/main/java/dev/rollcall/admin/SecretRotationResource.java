package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.SecretRotation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * POST /api/v1/subscriptions/{id}/rotate-secret: a new signing secret, shown in this answer only; the
 * previous ones keep signing for the overlap ({@code {"overlap":"PT1H"}}, or the configured default).
 */
@Path("/api/v1/subscriptions/{id}/rotate-secret")
@Produces(MediaType.APPLICATION_JSON)
public final class SecretRotationResource {
    private final SecretRotation rotation;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public SecretRotationResource(SecretRotation rotation, AdminRequests requests, ObjectMapper json) {
        this.rotation = rotation;
        this.requests = requests;
        this.json = json;
    }

    @POST
    public ObjectNode rotate(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                             @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, true);
        AdminRequests.onlyFields(in, "overlap");
        Duration overlap = overlap(AdminRequests.optionalText(in, "overlap"));
        SecretRotation.Rotated r = SubscriptionsResource.call(() -> rotation.rotate(AdminRequests.actor(request), id, overlap));
        ObjectNode out = json.createObjectNode();
        out.put("id", r.subscriptionId());
        out.put("secret", r.secret());
        out.put("previousSecretsValidUntil", r.previousValidUntil().toString());
        return out;
    }

    private static Duration overlap(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "'overlap' must be an ISO-8601 duration such as PT24H, got '" + raw + "'");
        }
    }
}
