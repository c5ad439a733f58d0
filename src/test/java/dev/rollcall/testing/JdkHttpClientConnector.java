package dev.rollcall.testing;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.client.spi.ConnectorProvider;
import org.glassfish.jersey.message.internal.Statuses;

/**
 * A Jersey client connector over {@link java.net.http.HttpClient} (HTTP/1.1). Jersey's default
 * connector cannot send PATCH, and no other connector is available from the registry here, so the
 * JAX-RS based SCIM client libraries are driven through this one.
 */
public final class JdkHttpClientConnector implements Connector {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Register with {@code new ClientConfig().connectorProvider(JdkHttpClientConnector.provider())}. */
    public static ConnectorProvider provider() {
        return (Client client, Configuration config) -> new JdkHttpClientConnector();
    }

    @Override
    public ClientResponse apply(ClientRequest request) {
        try {
            byte[] body = entityOf(request);
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri()).timeout(Duration.ofSeconds(30))
                    .method(request.getMethod(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : request.getStringHeaders().entrySet()) {
                if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(v -> builder.header(header.getKey(), v));
                }
            }
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            ClientResponse result = new ClientResponse(Statuses.from(response.statusCode()), request);
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    values.forEach(v -> result.header(name, v));
                }
            });
            result.setEntityStream(response.body());
            return result;
        } catch (IOException e) {
            throw new ProcessingException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(e);
        }
    }

    private static byte[] entityOf(ClientRequest request) throws IOException {
        if (!request.hasEntity()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.setStreamProvider(contentLength -> out);
        request.writeEntity();
        return out.toByteArray();
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        return CompletableFuture.runAsync(() -> {
            try {
                callback.response(apply(request));
            } catch (RuntimeException e) {
                callback.failure(e);
            }
        });
    }

    @Override
    public String getName() {
        return "java.net.http.HttpClient";
    }

    @Override
    public void close() {
        // the JDK client has no close on Java 17; its threads end with it
    }
}
