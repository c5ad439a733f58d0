package dev.rollcall.scim;

import jakarta.ws.rs.core.MediaType;

/** The SCIM media type; every SCIM response carries it. */
public final class ScimMediaType {
    public static final String APPLICATION_SCIM_JSON = "application/scim+json";
    public static final MediaType APPLICATION_SCIM_JSON_TYPE = new MediaType("application", "scim+json");

    private ScimMediaType() {
    }
}
