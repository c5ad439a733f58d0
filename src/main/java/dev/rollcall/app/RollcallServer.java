package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.AdminExceptionMapper;
import dev.rollcall.app.http.IdentityExceptionMapper;
import dev.rollcall.app.http.BearerAuthFilter;
import dev.rollcall.app.http.BodyFirstHandler;
import dev.rollcall.app.http.HealthResource;
import dev.rollcall.app.http.HttpErrorMapper;
import dev.rollcall.app.http.ObjectMapperResolver;
import dev.rollcall.app.http.UnexpectedErrorMapper;
import dev.rollcall.scim.ScimExceptionMapper;
import dev.rollcall.web.CorrelationFilter;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http2.Http2AddOn;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
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
        ResourceConfig rc = application(config, services);
        URI base = URI.create("http://" + config.httpHost() + ":" + config.httpPort() + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(base, rc, false);
        // the application sees a request once its body has arrived: a slow body holds no worker
        ServerConfiguration server = http.getServerConfiguration();
        Map.copyOf(server.getHttpHandlersWithMapping()).forEach((handler, mapping) -> {
            server.removeHttpHandler(handler);
            server.addHttpHandler(new BodyFirstHandler(handler, config.maxBodyBytes(), config.httpBodyTimeout()), mapping);
        });
        NetworkListener listener = http.getListener("grizzly");
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
        log.info("Rollcall listening on http://{}:{}", config.httpHost(), port);
        return new RollcallServer(http, services, port);
    }

    static ResourceConfig application(Config config, Services services) {
        ObjectMapper json = services.json();
        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.BV_FEATURE_DISABLE, true);
        rc.register(JacksonFeature.class);
        rc.register(new ObjectMapperResolver(json));
        rc.register(new CorrelationFilter());
        rc.register(new BearerAuthFilter(services.callerLookup()));
        rc.register(new ScimExceptionMapper());
        rc.register(new AdminExceptionMapper());
        rc.register(IdentityExceptionMapper.class);
        rc.register(HttpErrorMapper.class);
        rc.register(UnexpectedErrorMapper.class);
        rc.register(new HealthResource(services.database(), services.migrations()));
        services.resources(config).forEach(rc::register);
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
