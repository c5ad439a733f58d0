package dev.rollcall.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Gives every request a correlation id before anything else runs (a well-formed one the client sent,
 * else a fresh one) and returns it in the {@code X-Correlation-Id} response header.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class CorrelationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        RequestContext.correlationId(request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestContext.CORRELATION_HEADER, RequestContext.correlationId(request));
    }
}
