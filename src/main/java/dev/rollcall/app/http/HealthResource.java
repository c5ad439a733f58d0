package dev.rollcall.app.http;

import dev.rollcall.store.Database;
import dev.rollcall.store.Migrations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Liveness (the process answers) and readiness (database reachable, schema up to date). Readiness
 * reads the health watch's last ping instead of asking the database, so it answers at once even
 * while the database is frozen.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final Database database;
    private final Migrations migrations;
    private volatile boolean migrated;

    public HealthResource(Database database, Migrations migrations) {
        this.database = database;
        this.migrations = migrations;
    }

    @GET
    @Path("healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "up");
    }

    @GET
    @Path("readyz")
    public Response readyz() {
        if (!database.reachable()) {
            return Response.status(503).entity(Map.of("status", "down", "database", "unreachable")).build();
        }
        if (!migrated && !(migrated = migrations.upToDate())) {
            return Response.status(503).entity(Map.of("status", "down", "database", "migrations pending")).build();
        }
        return Response.ok(Map.of("status", "ready")).build();
    }
}
