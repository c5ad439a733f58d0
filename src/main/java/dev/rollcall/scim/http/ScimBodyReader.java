package dev.rollcall.scim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.scim.ScimException;
import dev.rollcall.web.JsonBodies;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a SCIM request body: JSON only (application/scim+json or application/json, or no type at
 * all), at most the configured number of bytes, and syntactically valid — otherwise the matching
 * SCIM error, before anything is changed.
 */
public final class ScimBodyReader {
    private final JsonBodies json;
    private final int maxBytes;

    public ScimBodyReader(ObjectMapper json, int maxBytes) {
        this.json = new JsonBodies(json);
        this.maxBytes = maxBytes;
    }

    public JsonNode read(MediaType contentType, InputStream body) {
        if (contentType != null && !isJson(contentType)) {
            throw new ScimException(415, null, "unsupported media type " + contentType
                    + "; send application/scim+json or application/json");
        }
        byte[] bytes = readLimited(body);
        if (bytes.length == 0) {
            throw ScimException.invalidSyntax("the request body is empty");
        }
        JsonNode node;
        try {
            node = json.parse(bytes);
        } catch (JsonBodies.Malformed e) {
            throw ScimException.invalidSyntax(e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw ScimException.invalidSyntax("the request body is empty");
        }
        return node;
    }

    private byte[] readLimited(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ScimException(413, null, "the request body exceeds the limit of " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ScimException.invalidSyntax("the request body could not be read");
        }
    }

    private static boolean isJson(MediaType type) {
        String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType()) && (sub.equals("json") || sub.endsWith("+json"));
    }
}
