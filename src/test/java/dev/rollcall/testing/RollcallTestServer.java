package dev.rollcall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.app.Config;
import dev.rollcall.app.RollcallServer;
import dev.rollcall.app.Services;
import dev.rollcall.delivery.DeliveryNetwork;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The real Rollcall server on 127.0.0.1 and a random port, over a fresh database, with a plain
 * HTTP/1.1 client. Test classes normally get one from {@link RollcallServerExtension}; start one by
 * hand only for a server that extension cannot describe (say, settings known only inside a test).
 */
public final class RollcallTestServer implements AutoCloseable {
    /** The master key of every test server (base64 of 32 bytes); tests with a server of their own use it too. */
    public static final String TEST_MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLWxvbmc=";
    private static final Actor TEST_OPERATOR = Actor.of(new Caller.OperatorCaller("test").auditName());
    private final RollcallServer server;
    private final Services services;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String base;

    private final TestDatabases.TestDb database;

    private RollcallTestServer(RollcallServer server, Services services, TestDatabases.TestDb database) {
        this.server = server;
        this.database = database;
        this.services = services;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.json = services.json();
        this.base = "http://127.0.0.1:" + server.port();
    }

    public static RollcallTestServer start() {
        return start(Map.of());
    }

    /** Starts with extra ROLLCALL_* settings on top of the test defaults. */
    public static RollcallTestServer start(Map<String, String> env) {
        return start(env, java.time.Clock.systemUTC());
    }

    /** Starts with extra ROLLCALL_* settings on the given clock (a {@link MutableClock} to move time). */
    public static RollcallTestServer start(Map<String, String> env, java.time.Clock clock) {
        return start(env, clock, UnaryOperator.identity(), null);
    }

    /** As above, reaching the fresh database through a rewritten URL (e.g. a {@link TcpRelay}'s). */
    public static RollcallTestServer start(Map<String, String> env, java.time.Clock clock, UnaryOperator<String> dbUrl) {
        return start(env, clock, dbUrl, null);
    }

    /** As {@link #start(Map, java.time.Clock)}, with webhooks sent over the given network. */
    public static RollcallTestServer start(Map<String, String> env, java.time.Clock clock, DeliveryNetwork network) {
        return start(env, clock, UnaryOperator.identity(), network);
    }

    /** The general form: a rewritten database URL, and webhooks over the given network (null: the system's). */
    public static RollcallTestServer start(Map<String, String> env, java.time.Clock clock, UnaryOperator<String> dbUrl,
                                           DeliveryNetwork network) {
        TestDatabases.TestDb db = TestDatabases.fresh();
        Map<String, String> all = new HashMap<>();
        all.put("ROLLCALL_DB_URL", dbUrl.apply(db.url()));
        all.put("ROLLCALL_DB_USER", db.user());
        all.put("ROLLCALL_DB_PASSWORD", db.password());
        all.put("ROLLCALL_HTTP_PORT", "0");
        all.put("ROLLCALL_DB_POOL_SIZE", "8");
        // a busy test machine can stall a ping for longer than production's 500 ms; outage tests set their own
        all.put("ROLLCALL_DB_HEALTH_TIMEOUT_MS", "3000");
        all.put("ROLLCALL_MASTER_KEY", TEST_MASTER_KEY);
        // webhooks in tests may reach the test's own receivers on 127.0.0.1, nothing else
        all.put("ROLLCALL_WEBHOOK_ALLOWLIST", "127.0.0.1/32");
        all.putAll(env);
        Config config = Config.fromEnvironment(all);
        Services services = network == null ? Services.open(config, clock) : Services.open(config, clock, network);
        try {
            return new RollcallTestServer(RollcallServer.start(config, services), services, db);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public String baseUrl() {
        return base;
    }

    public String scimUrl() {
        return base + "/scim/v2";
    }

    public Services services() {
        return services;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Registers a source and returns its bearer token. */
    public String addSource(String name, SourceKind kind) {
        return services.sourceAdministration().addSource(TEST_OPERATOR, name, kind, null).token();
    }

    public String addAdminToken(String name, AdminScope scope) {
        return services.sourceAdministration().addAdminToken(TEST_OPERATOR, name, scope);
    }

    public HttpResult get(String path, String token) {
        return send(request(path, token).GET());
    }

    public HttpResult delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public HttpResult post(String path, String token, Object body) {
        return send(withBody(request(path, token), "POST", body));
    }

    public HttpResult put(String path, String token, Object body) {
        return send(withBody(request(path, token), "PUT", body));
    }

    public HttpResult patch(String path, String token, Object body) {
        return send(withBody(request(path, token), "PATCH", body));
    }

    /** A request builder for the given path (relative to the server root) with the bearer token set. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public HttpResult send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Body: a String is sent as is, anything else (JsonNode, Map) as JSON; content type application/scim+json. */
    private HttpRequest.Builder withBody(HttpRequest.Builder b, String method, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.header("Content-Type", "application/scim+json").method(method, HttpRequest.BodyPublishers.ofString(text));
    }

    public JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the server (and its background work) first, then drops the test database so a shared
     * MariaDB does not fill up.
     */
    @Override
    public void close() {
        server.close();
        TestDatabases.drop(database);
    }
}
