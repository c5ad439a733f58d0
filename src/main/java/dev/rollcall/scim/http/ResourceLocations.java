package dev.rollcall.scim.http;

import jakarta.ws.rs.core.UriInfo;

/** Absolute URLs of SCIM resources, from the request's base URI. */
public final class ResourceLocations {
    private ResourceLocations() {
    }

    public static String users(UriInfo uri, String id) {
        return base(uri) + "scim/v2/Users/" + id;
    }

    public static String groups(UriInfo uri, String id) {
        return base(uri) + "scim/v2/Groups/" + id;
    }

    private static String base(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b : b + "/";
    }
}
