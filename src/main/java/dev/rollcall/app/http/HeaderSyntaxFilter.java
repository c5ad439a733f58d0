package dev.rollcall.app.http;

import dev.rollcall.scim.ScimErrors;
import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the headers Jersey itself reads while routing (Content-Type, Accept, Accept-Language,
 * Content-Language) before it does: a malformed or repeated one there becomes a bare 400 with no
 * body, outside every exception mapper. Here it is a 400 in the surface's error format that says
 * which header is wrong.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class HeaderSyntaxFilter implements ContainerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(HeaderSyntaxFilter.class);

    private record Parsed(String header, Consumer<ContainerRequestContext> read) {
    }

    private static final List<Parsed> PARSED_BY_JERSEY = List.of(
            new Parsed("Content-Type", ContainerRequestContext::getMediaType),
            new Parsed("Accept", ContainerRequestContext::getAcceptableMediaTypes),
            new Parsed("Accept-Language", ContainerRequestContext::getAcceptableLanguages),
            new Parsed("Content-Language", ContainerRequestContext::getLanguage));

    @Override
    public void filter(ContainerRequestContext request) {
        for (Parsed parsed : PARSED_BY_JERSEY) {
            try {
                parsed.read().accept(request);
            } catch (ProcessingException | IllegalArgumentException e) {
                refuse(request, parsed.header());
                return;
            }
        }
    }

    private static void refuse(ContainerRequestContext request, String header) {
        String detail = "the " + header + " header is malformed or repeated";
        log.info("refused a request with a bad {} header: {}", header,
                RawErrorResponses.forLog(String.join(" | ", request.getHeaders().getOrDefault(header, List.of()))));
        request.abortWith(Surfaces.isScim(request.getUriInfo().getPath())
                ? ScimErrors.response(400, null, detail) : ProblemDetails.response(400, detail));
    }
}
