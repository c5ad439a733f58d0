package dev.rollcall.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * ROLLCALL_PUBLIC_URL: the externally visible base URL (as clients reach Rollcall through a proxy),
 * validated so that every Location the server writes is a well-formed absolute http(s) URL.
 */
final class PublicUrlSetting {
    static final String VARIABLE = "ROLLCALL_PUBLIC_URL";

    private PublicUrlSetting() {
    }

    /** The URL without a trailing slash, or empty when unset. */
    static Optional<String> fromEnvironment(Map<String, String> env) {
        String raw = env.get(VARIABLE);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value, "not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid(value, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(value, "it needs a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value, "no user info, query or fragment");
        }
        return Optional.of(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    private static ConfigException invalid(String value, String why) {
        return new ConfigException(VARIABLE + " must be an absolute http(s) URL such as https://id.example.com ("
                + why + "), got: " + value);
    }
}
