package dev.rollcall.scim.bulk;

import java.util.Optional;

/** The resource endpoints a bulk operation may address. */
public enum ResourceKind {
    USERS("Users"), GROUPS("Groups");

    private final String endpoint;

    ResourceKind(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    /** Endpoint names are matched exactly, as in a request URL. */
    public static Optional<ResourceKind> ofEndpoint(String name) {
        for (ResourceKind k : values()) {
            if (k.endpoint.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
