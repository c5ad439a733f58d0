package dev.rollcall.app.http;

import dev.rollcall.web.RequestContext;
import dev.rollcall.web.Surfaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpCodecFilter.HeaderParsingState;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grizzly's HTTP codec with a body on the answers it sends itself, before any handler runs: a request
 * it cannot parse (no Host on HTTP/1.1, differing Content-Lengths, an oversized request line or header
 * block, a bad chunk size, an unknown HTTP version). Grizzly writes those through one overridable
 * method, {@link #customizeErrorResponse}, with the status already set, and then closes the connection;
 * its default there is an empty body. The body is in the surface's format, chosen by the request
 * target as far as it was read (problem details where not even its start was).
 */
public final class CodecErrorAnswers extends HttpServerFilter {
    private static final Logger log = LoggerFactory.getLogger(CodecErrorAnswers.class);
    private static final String PARTIAL_TARGET = "rollcall.partialTarget";
    private static final int TARGET_PREFIX = 64;

    // Grizzly's listener builds its codec with this (deprecated, but only) full constructor too.
    @SuppressWarnings("deprecation")
    CodecErrorAnswers(boolean chunking, int maxHeaderBytes, KeepAlive keepAlive, int maxRequestHeaders, int maxResponseHeaders) {
        super(chunking, maxHeaderBytes, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    /** A request target cut off by the size limit is not parsed; its start still tells the surface. */
    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable t) throws IOException {
        HeaderParsingState line = ((HttpPacketParsing) header).getHeaderParsingState();
        if (line.state == 0 && line.subState == 2 && line.start >= 0 && ctx.getMessage() instanceof Buffer input) {
            int end = Math.min(input.limit(), line.start + TARGET_PREFIX);
            byte[] prefix = new byte[Math.max(0, end - line.start)];
            for (int i = 0; i < prefix.length; i++) {
                prefix[i] = input.get(line.start + i);
            }
            ((HttpRequestPacket) header).setAttribute(PARTIAL_TARGET, new String(prefix, StandardCharsets.ISO_8859_1));
        }
        super.onHttpHeaderError(header, ctx, t);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        int status = response.getStatus();
        String detail = detail(request, status);
        if (protocol(request) == Protocol.HTTP_0_9) {
            // a request line cut off has no version; Grizzly takes that for HTTP/0.9 and would send no headers
            request.setProtocol(Protocol.HTTP_1_1);
        }
        String target = target(request);
        boolean scim = Surfaces.isScim(target);
        String correlationId = RequestContext.fromClient(request.getHeader(RequestContext.CORRELATION_HEADER));
        log.warn("refused unparseable request from {}: {} (HTTP {}, target {}), correlation id {}",
                request.getRemoteAddress(), detail, status, RawErrorResponses.forLog(target), correlationId);
        byte[] body = RawErrorResponses.body(scim, status, null, detail, correlationId).getBytes(StandardCharsets.UTF_8);
        response.getProcessingState().setKeepAlive(false);
        response.setContentType(RawErrorResponses.contentType(scim));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RequestContext.CORRELATION_HEADER, correlationId);
        response.setContentLength(body.length);
        return HttpContent.builder(response).content(Buffers.wrap(null, body)).last(true).build();
    }

    /** What was wrong, in the order Grizzly checks it (its own exception text is not for clients). */
    private String detail(HttpRequestPacket request, int status) {
        HttpPacketParsing parsing = (HttpPacketParsing) request;
        HeaderParsingState headers = parsing.getHeaderParsingState();
        if (status == 505) {
            return "the HTTP version is not supported (use HTTP/1.1)";
        } else if (parsing.isHeaderParsed()) {
            return "the request body is malformed (chunked transfer coding)";
        } else if (headers.state == 0) {
            return "the request line is malformed or longer than " + maxHeadersSize + " bytes";
        } else if (headers.state == 1) {
            return "the request headers are malformed or larger than " + maxHeadersSize + " bytes";
        } else if (headers.contentLengthsDiffer) {
            return "the request has differing Content-Length headers";
        } else if (protocol(request) == Protocol.HTTP_1_1 && !hasHost(request)) {
            return "an HTTP/1.1 request needs a Host header";
        } else if (request.getMethod().getPayloadExpectation() == Method.PayloadExpectation.UNDEFINED
                && (request.getContentLength() > 0 || request.isChunked())) {
            return "a " + request.getMethod() + " request may not have a body";
        }
        return "the request is not valid HTTP";
    }

    private static Protocol protocol(HttpRequestPacket request) {
        try {
            return request.getProtocol();
        } catch (IllegalStateException unknown) {
            return null;
        }
    }

    private static boolean hasHost(HttpRequestPacket request) {
        DataChunk host = request.getHeaders().getValue(Header.Host);
        return host != null && !host.isNull();
    }

    /** The request target as far as it was parsed (its start if it was cut off); empty if unknown. */
    private static String target(HttpRequestPacket request) {
        String uri = request.getRequestURI();
        if (uri != null && !uri.isEmpty()) {
            return uri;
        }
        return request.getAttribute(PARTIAL_TARGET) instanceof String partial ? partial + "..." : "";
    }
}
