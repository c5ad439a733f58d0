package dev.rollcall.app.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * What Jersey's Grizzly container cannot turn into a request URI (it then fails with a stack trace
 * page before any filter runs): a request target with a malformed percent escape or a character that
 * must be escaped, and a missing, repeated or malformed Host. Each problem is said in words a client
 * can act on.
 */
final class RequestTargetCheck {
    /** Characters Jersey's container escapes in a query itself before parsing it, so clients may send them raw. */
    private static final String QUERY_ESCAPED_BY_JERSEY = "{}\\^|`";

    private RequestTargetCheck() {
    }

    static Optional<String> problem(Request request) {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/")) {
            return Optional.of("the request target must be an absolute path");
        }
        Optional<String> bad = components(path, false);
        if (bad.isEmpty() && request.getQueryString() != null) {
            bad = components(request.getQueryString(), true);
        }
        return bad.isPresent() ? bad : host(request);
    }

    /** RFC 3986 path (pchar and "/") or query (also "?", and "[", "]" which java.net.URI takes). */
    private static Optional<String> components(String text, boolean query) {
        String part = query ? "query" : "path";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return Optional.of("the request " + part + " has a malformed percent escape at position " + i
                            + " ('%' must be followed by two hexadecimal digits)");
                }
                i += 2;
            } else if (!allowed(c, query)) {
                return Optional.of("the request " + part + " has a character that must be percent-encoded at position "
                        + i + (c > 0x20 && c < 0x7f ? " ('" + c + "')" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(char c, boolean query) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
            return true;
        }
        if (query && ("?[]".indexOf(c) >= 0 || QUERY_ESCAPED_BY_JERSEY.indexOf(c) >= 0)) {
            return true;
        }
        // java.net.URI takes other (non-ASCII) characters unless they are controls or spaces
        return c > 0x7f && !Character.isISOControl(c) && !Character.isSpaceChar(c);
    }

    /**
     * RFC 9112 §3.2: more than one Host, or an invalid one, is a 400. None is allowed (HTTP/1.0; Grizzly
     * itself refuses an HTTP/1.1 request without one). The host must be one java.net.URI accepts, as
     * Jersey builds the base URI from it; a port must be a number up to 65535.
     */
    private static Optional<String> host(Request request) {
        List<String> hosts = new ArrayList<>();
        request.getHeaders("Host").forEach(hosts::add);
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        if (hosts.size() > 1) {
            return Optional.of("the request has more than one Host header");
        }
        String host = hosts.get(0).strip();
        if (host.isEmpty()) {
            return Optional.of("the Host header is empty");
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            String port = host.substring(colon + 1);
            if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (!port.isEmpty() && Integer.parseInt(port) > 65535)) {
                return Optional.of("the Host header has a malformed port");
            }
        }
        try {
            new URI(request.getScheme(), null, request.getServerName(), request.getServerPort(), "/", null, null);
            return Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.of("the Host header is not a valid host name or address");
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
