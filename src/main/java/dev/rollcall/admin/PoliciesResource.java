package dev.rollcall.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.lifecycle.GracePolicy;
import dev.rollcall.lifecycle.HoldThresholds;
import dev.rollcall.lifecycle.PolicyPreview;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** /api/v1/policies/preview: what a changed grace, threshold or authority configuration would change; changes nothing. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public final class PoliciesResource {
    private final PolicyPreview preview;
    private final IdentityAdministration identity;
    private final AdminRequests requests;
    private final PolicyViews views;

    public PoliciesResource(PolicyPreview preview, IdentityAdministration identity, AdminRequests requests,
                            ObjectMapper json) {
        this.preview = preview;
        this.identity = identity;
        this.requests = requests;
        this.views = new PolicyViews(json);
    }

    @POST
    @Path("preview")
    public ObjectNode preview(@Context HttpHeaders headers, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "grace", "holds", "authority");
        if (in.isEmpty()) {
            throw new AdminException(400, "give at least one of 'grace', 'holds', 'authority'");
        }
        PolicyPreview.Proposal proposal = new PolicyPreview.Proposal(grace(in.get("grace")), holds(in.get("holds")),
                authority(in.get("authority")));
        return views.result(preview.preview(proposal, identity.authority()));
    }

    private GracePolicy grace(JsonNode node) {
        if (node == null) {
            return null;
        }
        ObjectNode g = object(node, "grace");
        AdminRequests.onlyFields(g, "involuntary", "voluntary", "default");
        GracePolicy now = preview.grace();
        return new GracePolicy(duration(g, "involuntary", now.involuntary()), duration(g, "voluntary", now.voluntary()),
                duration(g, "default", now.fallback()));
    }

    private HoldThresholds holds(JsonNode node) {
        if (node == null) {
            return null;
        }
        ObjectNode h = object(node, "holds");
        AdminRequests.onlyFields(h, "terminations", "terminationsPercent", "managerChanges", "managerChangesPercent", "window");
        HoldThresholds now = preview.thresholds();
        Duration window = duration(h, "window", now.window());
        try {
            return new HoldThresholds(count(h, "terminations", now.terminations()),
                    percent(h, "terminationsPercent", now.terminationsPercent()),
                    count(h, "managerChanges", now.managerChanges()),
                    percent(h, "managerChangesPercent", now.managerChangesPercent()), window);
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "'holds': " + e.getMessage());
        }
    }

    private static AuthorityMatrix authority(JsonNode node) {
        if (node == null) {
            return null;
        }
        ObjectNode a = object(node, "authority");
        AdminRequests.onlyFields(a, "rules");
        try {
            return new AuthorityMatrix(AuthorityResource.rules(a.get("rules")));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "'authority': " + e.getMessage());
        }
    }

    private static ObjectNode object(JsonNode node, String name) {
        if (!node.isObject()) {
            throw new AdminException(400, "'" + name + "' must be an object");
        }
        return (ObjectNode) node;
    }

    private static Duration duration(ObjectNode in, String field, Duration current) {
        JsonNode v = in.get(field);
        if (v == null) {
            return current;
        }
        try {
            Duration d = Duration.parse(v.asText(""));
            if (!v.isTextual() || d.isNegative()) {
                throw new DateTimeParseException("negative", v.asText(), 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "'" + field + "' must be an ISO-8601 duration of 0 or more, such as PT0S or P14D");
        }
    }

    private static int count(ObjectNode in, String field, int current) {
        JsonNode v = in.get(field);
        if (v == null) {
            return current;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new AdminException(400, "'" + field + "' must be a whole number of 0 or more");
        }
        return v.intValue();
    }

    private static double percent(ObjectNode in, String field, double current) {
        JsonNode v = in.get(field);
        if (v == null) {
            return current;
        }
        if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 100) {
            throw new AdminException(400, "'" + field + "' must be a number from 0 to 100");
        }
        return v.doubleValue();
    }
}
