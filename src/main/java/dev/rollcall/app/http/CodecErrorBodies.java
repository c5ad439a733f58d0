package dev.rollcall.app.http;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link CodecErrorAnswers} in place of the HTTP codec Grizzly builds for the listener. An add-on
 * is the one hook into that filter chain (Grizzly calls it once the chain is assembled); the codec is
 * rebuilt from the listener's settings as Grizzly builds it, and takes over the original's settings.
 */
public final class CodecErrorBodies implements AddOn {
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int at = builder.indexOfType(HttpServerFilter.class);
        HttpServerFilter original = (HttpServerFilter) builder.get(at);
        int maxHeaderBytes = listener.getMaxHttpHeaderSize() == -1
                ? HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize();
        CodecErrorAnswers codec = new CodecErrorAnswers(listener.isChunkingEnabled(), maxHeaderBytes,
                listener.getKeepAlive(), listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        for (var encoding : original.getContentEncodings()) {
            codec.addContentEncoding(encoding);
        }
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        codec.setPreserveHeaderCase(original.isPreserveHeaderCase());
        codec.setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
        codec.getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
        builder.set(at, codec);
    }
}
