package dev.rollcall.app.http;

import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * Refuses a request whose body length is said two ways (RFC 9112 §6.1): Grizzly would follow
 * Transfer-Encoding and ignore Content-Length, while a proxy in front may do the opposite — the
 * disagreement that request smuggling lives on. Such a connection cannot be trusted further.
 */
final class FramingCheck {
    private FramingCheck() {
    }

    static Optional<String> problem(Request request) {
        boolean transfer = request.getHeaders("Transfer-Encoding").iterator().hasNext();
        if (transfer && (request.getHeaders("Content-Length").iterator().hasNext()
                || RawHeaderBlock.sent(request.getRequest(), "content-length"))) {
            return Optional.of("the request has both Content-Length and Transfer-Encoding; send one of them");
        }
        return Optional.empty();
    }
}
