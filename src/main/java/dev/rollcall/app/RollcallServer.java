package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.AdminExceptionMapper;
import dev.rollcall.app.http.IdentityExceptionMapper;
import dev.rollcall.app.http.BearerAuthFilter;
import dev.rollcall.app.http.BodyFirstHandler;
import dev.rollcall.app.http.CodecErrorBodies;
import dev.rollcall.app.http.HeaderSyntaxFilter;
import dev.rollcall.app.http.HealthResource;
import dev.rollcall.app.http.HttpErrorMapper;
import dev.rollcall.app.http.JsonErrorPages;
import dev.rollcall.app.http.ObjectMapperResolver;
import dev.rollcall.app.http.RequestGate;
import dev.rollcall.app.http.UnexpectedErrorMapper;
import dev.rollcall.scim.ScimExceptionMapper;
import dev.rollcall.web.CorrelationFilter;
import dev.rollcall.web.NoStoreFilter;
import dev.rollcall.web.PublicUrl;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http2.Http2AddOn;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Jersey on Grizzly, every resource and provider constructed here by hand. */
public final class RollcallServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RollcallServer.class);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final HttpServer http;
    private final Services services;
    private final int port;

    private RollcallServer(HttpServer http, Services services, int port) {
        this.http = http;
        this.services = services;
        this.port = port;
    }

    /** Starts on the configured host and port with the given services (which own the database). */
    public static RollcallServer start(Config config, Services services) {
        // Locations name the configured public URL, else the listen address; never the request's Host.
        AtomicInteger boundPort = new AtomicInteger(config.httpPort());
        PublicUrl publicUrl = config.publicUrl().map(PublicUrl::of)
                .orElseGet(() -> PublicUrl.listening(config.httpHost(), boundPort::get));
        ResourceConfig rc = application(config, services, publicUrl);
        URI base = URI.create("http://" + config.httpHost() + ":" + config.httpPort() + "/");
        HttpServer http = httpServer(base, rc, config);
        NetworkListener listener = http.getListener("grizzly");
        // what Grizzly's codec refuses before any handler runs gets a body in the surface's format too
        listener.registerAddOn(new CodecErrorBodies());
        // Clients such as Java's HttpClient offer "Upgrade: h2c"; without this add-on Grizzly hangs on such a POST.
        listener.registerAddOn(new Http2AddOn());
        // Resources block on JDBC, so Grizzly's default of two workers per core caps the requests in
        // flight far below the connection pool (4 on a 2-core machine): commits could not be grouped.
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("rollcall-http").setCorePoolSize(config.dbPoolSize()).setMaxPoolSize(config.dbPoolSize()));
        services.startServing();
        try {
            http.start();
        } catch (BindException e) {
            throw new ConfigException("cannot listen on " + config.httpHost() + ":" + config.httpPort()
                    + " (port in use or address not available): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot start the HTTP server: " + e.getMessage(), e);
        }
        int port = listener.getPort();
        boundPort.set(port);
        log.info("Rollcall listening on http://{}:{}", config.httpHost(), port);
        return new RollcallServer(http, services, port);
    }

    /**
     * Jersey behind the request gate, which refuses what Jersey's container cannot parse, and behind the
     * body-first handler, so the application sees a request once its body has arrived (a slow body holds
     * no worker); Grizzly's own error pages (503 while shutting down, ...) in the surfaces' error formats.
     */
    private static HttpServer httpServer(URI base, ResourceConfig rc, Config config) {
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(base, (GrizzlyHttpContainer) null, false, null, false);
        GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class, rc);
        ServerConfiguration server = http.getServerConfiguration();
        server.addHttpHandler(new RequestGate(new BodyFirstHandler(jersey, config.maxBodyBytes(), config.httpBodyTimeout())),
                HttpHandlerRegistration.builder().contextPath("").build());
        server.setDefaultErrorPageGenerator(new JsonErrorPages());
        return http;
    }

    static ResourceConfig application(Config config, Services services, PublicUrl publicUrl) {
        ObjectMapper json = services.json();
        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_FEATURE_DISABLE, true);
        rc.register(JacksonFeature.class);
        rc.register(new ObjectMapperResolver(json));
        rc.register(new CorrelationFilter());
        rc.register(new NoStoreFilter());
        rc.register(new HeaderSyntaxFilter());
        rc.register(new BearerAuthFilter(services.callerLookup(), services.authThrottle(), !config.delivery().metricsPublic()));
        rc.register(services.observability().requestMetrics());
        rc.register(new ScimExceptionMapper());
        rc.register(new AdminExceptionMapper());
        rc.register(IdentityExceptionMapper.class);
        rc.register(HttpErrorMapper.class);
        rc.register(UnexpectedErrorMapper.class);
        rc.register(new HealthResource(services.database(), services.migrations()));
        services.resources(config, publicUrl).forEach(rc::register);
        return rc;
    }

    public int port() {
        return port;
    }

    /**
     * Stops in order: stop accepting connections and let in-flight requests finish (drain), then stop
     * the background work, then close the connection pool (and the embedded database).
     */
    @Override
    public void close() {
        try {
            http.shutdown(DRAIN.toSeconds(), TimeUnit.SECONDS).get(DRAIN.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("HTTP server did not drain cleanly: {}", e.toString());
            http.shutdownNow();
        }
        services.close();
        log.info("Rollcall stopped");
    }
}
