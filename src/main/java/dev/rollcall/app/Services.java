package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.SourceAdministration;
import dev.rollcall.identity.AccessTokens;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.discovery.DiscoveryResource;
import dev.rollcall.scim.schema.SchemaRegistry;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.CredentialStore;
import dev.rollcall.store.Database;
import dev.rollcall.store.Migrations;
import dev.rollcall.store.SourceStore;
import dev.rollcall.store.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The object graph of one Rollcall process, built by plain constructors. */
public final class Services implements AutoCloseable {
    private final DatabaseBootstrap bootstrap;
    private final ObjectMapper json;
    private final Clock clock;
    private final Transactions transactions;
    private final SchemaRegistry schemas;
    private final SourceAdministration sourceAdministration;

    private Services(DatabaseBootstrap bootstrap) {
        this.bootstrap = bootstrap;
        this.json = JsonMapperFactory.create();
        this.clock = Clock.systemUTC();
        this.transactions = new Transactions(bootstrap.database());
        this.schemas = new SchemaRegistry();
        this.sourceAdministration = new SourceAdministration(transactions, new SourceStore(), new CredentialStore(),
                new AuditStore(), new AccessTokens(new SecureRandom()), clock);
    }

    public static Services open(Config config) {
        return new Services(DatabaseBootstrap.open(config));
    }

    public Database database() {
        return bootstrap.database();
    }

    public Migrations migrations() {
        return bootstrap.migrations();
    }

    public ObjectMapper json() {
        return json;
    }

    public SourceAdministration sourceAdministration() {
        return sourceAdministration;
    }

    /** The JAX-RS resources of the protocol surfaces. */
    List<Object> resources(Config config) {
        ScimLimits limits = new ScimLimits(config.bulkMaxOperations(), config.maxBodyBytes(), config.filterMaxResults());
        List<Object> out = new ArrayList<>();
        out.add(new DiscoveryResource(schemas, limits, json));
        return out;
    }

    @Override
    public void close() {
        bootstrap.close();
    }
}
