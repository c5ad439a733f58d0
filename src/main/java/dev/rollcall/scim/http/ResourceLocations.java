package dev.rollcall.scim.http;

import dev.rollcall.web.PublicUrl;

/** Absolute URLs of SCIM resources under the configured public URL (never the request's Host). */
public final class ResourceLocations {
    private final PublicUrl publicUrl;

    public ResourceLocations(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** {@code .../scim/v2}, without a trailing slash. */
    public String scimBase() {
        return publicUrl.resolve("/scim/v2");
    }

    public String users(String id) {
        return scimBase() + "/Users/" + id;
    }

    public String groups(String id) {
        return scimBase() + "/Groups/" + id;
    }
}
