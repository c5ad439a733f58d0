package dev.rollcall.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver on 127.0.0.1: answers with whatever the test sets (200 by default), keeps every
 * request, and verifies every signature with the Standard Webhooks reference library as it arrives.
 */
final class WebhookReceiver implements AutoCloseable {
    /**
     * One request as received; {@code verified} is what the reference verifier said. {@code raw} and
     * {@code headers} (names in lower case) are kept so a test can check it against other keys too.
     */
    record Received(String id, String host, JsonNode body, boolean verified, String verifyError, int answered, String raw,
                    Map<String, List<String>> headers) {

        /** Whether the Standard Webhooks reference library accepts it with this secret. */
        boolean verifiesWith(String secret) {
            try {
                new Webhook(secret).verify(raw, headers);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** What to answer: status, extra headers and a body ({@code answer <status>} when null). */
    record Reply(int status, Map<String, String> headers, String body) {
        Reply(int status, Map<String, String> headers) {
            this(status, headers, null);
        }

        static Reply of(int status) {
            return new Reply(status, Map.of());
        }
    }

    private final HttpServer http;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Reply> reply = new AtomicReference<>(Reply.of(200));
    private volatile Webhook verifier;
    private volatile long delayMillis;

    WebhookReceiver() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", exchange -> {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String body = new String(bytes, StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            boolean ok = false;
            String error = null;
            try {
                if (verifier == null) {
                    throw new IllegalStateException("no Standard Webhooks secret (a SET receiver)");
                }
                verifier.verify(body, headers);
                ok = true;
            } catch (Exception e) {
                error = e.toString();
            }
            String id = headers.getOrDefault("webhook-id", List.of("")).get(0);
            Reply r = reply.get();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(new Received(id, exchange.getRequestHeaders().getFirst("Host"), parse(body), ok, error,
                    r.status(), body, headers));
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] answer = (r.body() != null ? r.body() : "answer " + r.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        http.start();
    }

    /** JSON bodies as a tree; any other body (a SET) as a text node. */
    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    /** The secret the subscription was created with (shown once), for the verifier. */
    void secret(String secret) {
        try {
            verifier = new Webhook(secret);
        } catch (Exception e) {
            throw new AssertionError("the secret is not a Standard Webhooks secret: " + e);
        }
    }

    /** Answers this much later (a slow receiver). */
    void delay(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    void reply(Reply r) {
        reply.set(r);
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
    }

    int port() {
        return http.getAddress().getPort();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<String> types() {
        return received.stream().map(r -> r.body().get("type").asText()).toList();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
