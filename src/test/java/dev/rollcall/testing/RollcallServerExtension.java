package dev.rollcall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.app.Services;
import dev.rollcall.delivery.DeliveryNetwork;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * A {@link RollcallTestServer} for a test class, on a {@link MutableClock} starting now, with the
 * sources and admin tokens the class declares registered in declaration order:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RollcallServerExtension server = RollcallServerExtension.builder()
 *         .source("workday", SourceKind.HRIS).adminToken("it-reader", AdminScope.READ).build();
 * &#64;Token("workday") static String hr;
 * </pre>
 *
 * On a static field there is one server per class (started before {@code @BeforeAll} methods run,
 * closed after {@code @AfterAll} ones); on an instance field, one server per test. Fields marked
 * {@link Token} receive the declared credential once the server is up. The HTTP helpers of
 * {@link RollcallTestServer} are repeated here so test bodies read the same as before.
 */
public final class RollcallServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    /** Marks a String field that receives the bearer token of a declared source or admin token. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Token {
        /** The declared source or admin-token name. */
        String value();
    }

    /** A declared credential: a source (kind set) or an admin token (scope set). */
    private record Declared(String name, SourceKind kind, AdminScope scope) {
    }

    private final Map<String, String> env;
    private final UnaryOperator<String> dbUrl;
    private final List<Declared> declared;
    private final java.util.function.Function<java.time.Clock, DeliveryNetwork> network;
    private RollcallTestServer server;
    private MutableClock clock;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** The context that started the server: a @Nested class sees the same extension and must not restart or close it. */
    private String owner;
    private boolean perTest;

    private RollcallServerExtension(Map<String, String> env, UnaryOperator<String> dbUrl, List<Declared> declared,
                                    java.util.function.Function<java.time.Clock, DeliveryNetwork> network) {
        this.env = Map.copyOf(env);
        this.dbUrl = dbUrl;
        this.declared = List.copyOf(declared);
        this.network = network;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            start(context);
        }
        inject(context.getRequiredTestClass(), null, ModifierSupport::isStatic);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            // only reached when registered on an instance field: JUnit calls beforeAll for static ones only
            perTest = true;
            start(context);
            inject(context.getRequiredTestClass(), null, ModifierSupport::isStatic);
        }
        inject(context.getRequiredTestClass(), context.getRequiredTestInstance(), ModifierSupport::isNotStatic);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest && context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    private void start(ExtensionContext context) {
        clock = MutableClock.startingNow();
        server = RollcallTestServer.start(env, clock, dbUrl, network == null ? null : network.apply(clock));
        owner = context.getUniqueId();
        try {
            for (Declared d : declared) {
                tokens.put(d.name(), d.kind() != null ? server.addSource(d.name(), d.kind())
                        : server.addAdminToken(d.name(), d.scope()));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Closes the server (it drops its database) and forgets it, so a per-test extension starts afresh. */
    private void stop() {
        RollcallTestServer s = server;
        server = null;
        clock = null;
        owner = null;
        tokens.clear();
        if (s != null) {
            s.close();
        }
    }

    private void inject(Class<?> testClass, Object instance, Predicate<Field> which) {
        for (Field f : AnnotationSupport.findAnnotatedFields(testClass, Token.class, which, HierarchyTraversalMode.TOP_DOWN)) {
            if (f.getType() != String.class || ModifierSupport.isFinal(f)) {
                throw new IllegalStateException("@Token field " + f + " must be a non-final String");
            }
            String name = f.getAnnotation(Token.class).value();
            String value = lookup(name, "source or admin token", d -> true);
            try {
                f.setAccessible(true);
                f.set(instance, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + f, e);
            }
        }
    }

    /** The server itself, for fixtures that take a {@link RollcallTestServer}. */
    public RollcallTestServer server() {
        if (server == null) {
            throw new IllegalStateException("the test server is not running: register the extension with @RegisterExtension"
                    + " and use it from @BeforeAll, @BeforeEach or a test");
        }
        return server;
    }

    /** The clock the server runs on; move it to make grace periods and timers pass. */
    public MutableClock clock() {
        server();
        return clock;
    }

    /** The bearer token of a declared source. */
    public String token(String source) {
        return lookup(source, "source", d -> d.kind() != null);
    }

    /** The bearer token of a declared admin token. */
    public String adminToken(String name) {
        return lookup(name, "admin token", d -> d.scope() != null);
    }

    /** Fails loudly on a name that was not declared, listing the ones that were. */
    private String lookup(String name, String what, Predicate<Declared> ofKind) {
        server();
        List<String> names = declared.stream().filter(ofKind).map(Declared::name).toList();
        if (!names.contains(name)) {
            throw new IllegalArgumentException("no " + what + " named '" + name + "' was declared; declared: " + names);
        }
        return tokens.get(name);
    }

    // The RollcallTestServer API, delegated.

    public String baseUrl() {
        return server().baseUrl();
    }

    public String scimUrl() {
        return server().scimUrl();
    }

    public Services services() {
        return server().services();
    }

    public ObjectMapper json() {
        return server().json();
    }

    /** Registers a source the class did not declare (e.g. inside one test) and returns its token. */
    public String addSource(String name, SourceKind kind) {
        return server().addSource(name, kind);
    }

    public String addAdminToken(String name, AdminScope scope) {
        return server().addAdminToken(name, scope);
    }

    public HttpResult get(String path, String token) {
        return server().get(path, token);
    }

    public HttpResult delete(String path, String token) {
        return server().delete(path, token);
    }

    public HttpResult post(String path, String token, Object body) {
        return server().post(path, token, body);
    }

    public HttpResult put(String path, String token, Object body) {
        return server().put(path, token, body);
    }

    public HttpResult patch(String path, String token, Object body) {
        return server().patch(path, token, body);
    }

    public HttpRequest.Builder request(String path, String token) {
        return server().request(path, token);
    }

    public HttpResult send(HttpRequest.Builder request) {
        return server().send(request);
    }

    public JsonNode parse(String text) {
        return server().parse(text);
    }

    /** Declares what the server starts with; names are checked here so a typo fails before any server starts. */
    public static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Declared> declared = new ArrayList<>();
        private UnaryOperator<String> dbUrl = UnaryOperator.identity();
        private java.util.function.Function<java.time.Clock, DeliveryNetwork> network;

        private Builder() {
        }

        /** How the server's webhooks reach their targets (a resolver for test host names, a transport spy). */
        public Builder network(java.util.function.Function<java.time.Clock, DeliveryNetwork> network) {
            this.network = network;
            return this;
        }

        public Builder source(String name, SourceKind kind) {
            return declare(new Declared(name, kind, null));
        }

        public Builder adminToken(String name, AdminScope scope) {
            return declare(new Declared(name, null, scope));
        }

        /** An extra ROLLCALL_* setting on top of the test defaults (database, port 0). */
        public Builder env(String key, String value) {
            if (!key.startsWith("ROLLCALL_")) {
                throw new IllegalArgumentException("not a Rollcall setting: " + key);
            }
            env.put(key, value);
            return this;
        }

        /** Reaches the fresh database through a rewritten URL, e.g. {@code relay::route} of a {@link TcpRelay}. */
        public Builder databaseUrl(UnaryOperator<String> rewrite) {
            this.dbUrl = rewrite;
            return this;
        }

        public RollcallServerExtension build() {
            return new RollcallServerExtension(env, dbUrl, declared, network);
        }

        private Builder declare(Declared d) {
            // one name, one credential: @Token looks names up without saying which kind they are
            if (declared.stream().anyMatch(x -> x.name().equals(d.name()))) {
                throw new IllegalArgumentException("'" + d.name() + "' is declared twice");
            }
            declared.add(d);
            return this;
        }
    }
}
