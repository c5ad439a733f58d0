package dev.rollcall.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Caller;
import dev.rollcall.web.JsonBodies;
import dev.rollcall.web.RequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads admin request bodies (a JSON object, size-limited, any JSON media type) and the caller.
 * Bodies are read by hand rather than bound by Jackson so that every bad input gets a problem
 * details answer with a precise detail instead of a provider's plain-text error.
 */
public final class AdminRequests {
    private final ObjectMapper json;
    private final JsonBodies bodies;
    private final int maxBytes;

    public AdminRequests(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.bodies = new JsonBodies(json);
        this.maxBytes = maxBytes;
    }

    public static Caller caller(ContainerRequestContext request) {
        return RequestContext.caller(request);
    }

    /** The admin as the actor of a change, with the request's correlation id. */
    public static Actor actor(ContainerRequestContext request) {
        return RequestContext.actor(request, caller(request));
    }

    /** The body as a JSON object; an empty body is an empty object when allowEmpty. */
    public ObjectNode object(MediaType contentType, InputStream body, boolean allowEmpty) {
        if (contentType != null && !isJson(contentType)) {
            throw new AdminException(415, "unsupported media type " + contentType + "; send application/json");
        }
        byte[] bytes = read(body);
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            if (allowEmpty) {
                return json.createObjectNode();
            }
            throw new AdminException(400, "the request body is empty; a JSON object is required");
        }
        JsonNode node;
        try {
            node = bodies.parse(bytes);
        } catch (JsonBodies.Malformed e) {
            throw new AdminException(400, e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new AdminException(400, "the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A string member; absent or null gives null, any other type is a 400. */
    public static String optionalText(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new AdminException(400, "'" + field + "' must be a string");
        }
        return v.asText();
    }

    public static String requiredText(ObjectNode body, String field) {
        String v = optionalText(body, field);
        if (v == null || v.isBlank()) {
            throw new AdminException(400, "'" + field + "' is required");
        }
        return v;
    }

    public static Boolean optionalBoolean(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new AdminException(400, "'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    /** Refuses members the endpoint does not know, so that a typo is not silently ignored. */
    public static void onlyFields(ObjectNode body, String... allowed) {
        java.util.Set<String> known = java.util.Set.of(allowed);
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new AdminException(400, "unknown member '" + name + "'; allowed: " + String.join(", ", allowed));
            }
        });
    }

    private byte[] read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new AdminException(413, "the request body exceeds the limit of " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new AdminException(400, "the request body could not be read");
        }
    }

    private static boolean isJson(MediaType type) {
        String sub = type.getSubtype().toLowerCase(Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType()) && (sub.equals("json") || sub.endsWith("+json"));
    }
}
