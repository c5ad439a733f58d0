package dev.rollcall.web;

/** Which protocol surface a request path belongs to; decides the error format and the token kind. */
public final class Surfaces {
    private Surfaces() {
    }

    /** Path as Jersey gives it (relative, no leading slash). */
    public static boolean isScim(String path) {
        return strip(path).startsWith("scim/");
    }

    public static boolean isAdmin(String path) {
        return strip(path).startsWith("api/");
    }

    /** The Prometheus scrape endpoint. */
    public static boolean isMetrics(String path) {
        return strip(path).equals("metrics");
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
