package dev.rollcall.scim.bulk;

import dev.rollcall.scim.ScimException;

/**
 * The {@code path} of a bulk operation: {@code /Users} or {@code /Groups} for POST, and
 * {@code /Users/{id}} or {@code /Groups/{id}} otherwise. The id may be a {@code bulkId:} reference.
 *
 * @param id null for POST
 */
public record BulkPath(ResourceKind kind, String id) {

    public static BulkPath parse(String path, BulkMethod method) {
        if (path == null || path.isBlank()) {
            throw ScimException.invalidPath("the operation has no path");
        }
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        String[] parts = p.substring(1).split("/", -1);
        ResourceKind kind = ResourceKind.ofEndpoint(parts[0])
                .orElseThrow(() -> ScimException.invalidPath("unsupported path '" + path + "': expected /Users or /Groups"));
        if (method == BulkMethod.POST) {
            if (parts.length != 1) {
                throw ScimException.invalidPath("POST must address /" + kind.endpoint() + ", not '" + path + "'");
            }
            return new BulkPath(kind, null);
        }
        if (parts.length != 2 || parts[1].isBlank()) {
            throw ScimException.invalidPath(method + " must address /" + kind.endpoint() + "/{id}, not '" + path + "'");
        }
        return new BulkPath(kind, parts[1]);
    }

    public String withId(String resolvedId) {
        return "/" + kind.endpoint() + "/" + resolvedId;
    }
}
