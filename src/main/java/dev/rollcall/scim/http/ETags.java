package dev.rollcall.scim.http;

import dev.rollcall.scim.ScimException;

/** Weak ETags from resource versions, and the If-Match / If-None-Match checks of RFC 7644 §3.14. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /** Throws 412 unless If-Match is absent, "*", or lists the current version. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!matches(ifMatch, currentVersion)) {
            throw ScimException.preconditionFailed("the resource has changed: its version is " + of(currentVersion));
        }
    }

    /** True when If-None-Match names the current version (or "*"): the client's copy is current. */
    public static boolean notModified(String ifNoneMatch, long currentVersion) {
        return ifNoneMatch != null && !ifNoneMatch.isBlank() && matches(ifNoneMatch, currentVersion);
    }

    private static boolean matches(String header, long version) {
        String current = "\"" + version + "\"";
        for (String raw : header.split(",")) {
            String tag = raw.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
