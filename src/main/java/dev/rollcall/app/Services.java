package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.AdminRequests;
import dev.rollcall.delivery.DeliveryNetwork;
import dev.rollcall.delivery.DeliveryRetentionSweep;
import dev.rollcall.delivery.Dispatcher;
import dev.rollcall.delivery.SecretBox;
import dev.rollcall.delivery.rules.DeliveryClaims;
import dev.rollcall.directory.AccountChanges;
import dev.rollcall.directory.DirectoryQueries;
import dev.rollcall.directory.GroupChanges;
import dev.rollcall.admin.AuthorityResource;
import dev.rollcall.admin.MatchCasesResource;
import dev.rollcall.admin.PeopleQueries;
import dev.rollcall.admin.PeopleResource;
import dev.rollcall.admin.SourcesResource;
import dev.rollcall.admin.DeliveriesResource;
import dev.rollcall.admin.SubscriptionDeliveriesResource;
import dev.rollcall.admin.SubscriptionsResource;
import dev.rollcall.app.http.AuthFailureThrottle;
import dev.rollcall.app.http.CachingCallerLookup;
import dev.rollcall.app.http.CallerLookup;
import dev.rollcall.identity.AccessTokens;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.identity.Matcher;
import dev.rollcall.identity.SourceAdministration;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.identity.SourceSettingsChanges;
import dev.rollcall.identity.SourceTokens;
import dev.rollcall.lifecycle.LifecycleTx;
import dev.rollcall.lifecycle.PersonLifecycle;
import dev.rollcall.lifecycle.TimerScheduler;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.bulk.BulkProcessor;
import dev.rollcall.scim.bulk.GroupBulkTarget;
import dev.rollcall.scim.bulk.BulkRequestReader;
import dev.rollcall.scim.bulk.BulkResource;
import dev.rollcall.scim.bulk.ResourceKind;
import dev.rollcall.scim.bulk.UserBulkTarget;
import dev.rollcall.scim.groups.GroupPatcher;
import dev.rollcall.scim.groups.GroupRenderer;
import dev.rollcall.scim.groups.GroupService;
import dev.rollcall.scim.groups.GroupsResource;
import dev.rollcall.scim.groups.MemberInput;
import dev.rollcall.scim.http.ResourceLocations;
import dev.rollcall.scim.http.ScimBodyReader;
import dev.rollcall.scim.search.FilterScope;
import dev.rollcall.scim.search.GroupSearch;
import dev.rollcall.scim.search.RootSearch;
import dev.rollcall.scim.search.RootSearchResource;
import dev.rollcall.scim.search.UserSearch;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.resource.AttributeProjector;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.scim.users.UserFactsExtractor;
import dev.rollcall.scim.users.UserRenderer;
import dev.rollcall.scim.users.UserService;
import dev.rollcall.scim.users.UsersResource;
import dev.rollcall.store.AuditChain;
import dev.rollcall.store.FilterSql;
import dev.rollcall.store.IdentityReads;
import dev.rollcall.store.StoreDirectoryQueries;
import dev.rollcall.store.StoreHealthQueries;
import dev.rollcall.store.StorePeopleDirectory;
import dev.rollcall.store.StoreSourceDirectory;
import dev.rollcall.store.StoreTimerClaims;
import dev.rollcall.store.StoreTransactor;
import dev.rollcall.store.PersonQueries;
import dev.rollcall.scim.discovery.DiscoveryResource;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.store.CredentialStore;
import dev.rollcall.store.Database;
import dev.rollcall.store.Migrations;
import dev.rollcall.store.Transactions;
import dev.rollcall.web.PublicUrl;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The object graph of one Rollcall process, built by plain constructors. */
public final class Services implements AutoCloseable {
    private final DatabaseBootstrap bootstrap;
    private final ObjectMapper json;
    private final Clock clock;
    private final Transactions transactions;
    private final SchemaRegistry schemas;
    private final SourceAdministration sourceAdministration;
    private final UserRenderer userRenderer;
    private final UserService users;
    private final CachingCallerLookup callerLookup;
    private final AuthFailureThrottle authThrottle;
    private final SourceTokens sourceTokens;
    private final SourceSettingsChanges sourceSettings;
    private final SourceDirectory sourceDirectory;
    private final IdentityAdministration identityAdministration;
    private final GroupRenderer groupRenderer;
    private final GroupService groups;
    private final AuditChain auditChain;
    private final DirectoryQueries directory;
    private final TimerScheduler timers;
    private final BackgroundWork background = new BackgroundWork();
    private final Config config;
    private final WebhookServices webhooks;
    private final LifecycleServices lifecycle;
    private final Observability observability;

    private Services(DatabaseBootstrap bootstrap, Config config, Clock clock, DeliveryNetwork network) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.json = JsonMapperFactory.create();
        this.clock = clock;
        this.transactions = new Transactions(bootstrap.database());
        this.schemas = new SchemaRegistry();
        AttributeValueNormalizer values = new AttributeValueNormalizer();
        ImmutabilityGuard immutability = new ImmutabilityGuard();
        ResourceNormalizer normalizer = new ResourceNormalizer(values, config.maxValuesPerAttribute());
        PatchEngine patches = new PatchEngine(schemas, values, immutability, config.patchMaxOperations());
        this.userRenderer = new UserRenderer(json);
        StoreTransactor store = new StoreTransactor(transactions, json);
        this.directory = new StoreDirectoryQueries(bootstrap.database(), new FilterSql(schemas));
        CurrentAuthority authority = new CurrentAuthority();
        AccountResolution resolution = new AccountResolution(new Matcher(config.identity().matchPolicy()),
                new GoldenComputer(config.lifecycle().managerChangeGrace()), authority);
        PersonLifecycle lifecycle = new PersonLifecycle(authority, config.grace(), config.lifecycle());
        // the store's transactions carry every port, so a merge's IdentityTx is a LifecycleTx
        this.identityAdministration = new IdentityAdministration(store, new IdentityReads(bootstrap.database(), json),
                authority, resolution, (tx, actor, survivor, merged, at) -> lifecycle.merged((LifecycleTx) tx, actor,
                survivor, merged, at), clock);
        this.lifecycle = new LifecycleServices(config, bootstrap.database(), store, authority, resolution, lifecycle, clock, json);
        this.timers = TimerScheduler.forPool(new StoreTimerClaims(transactions), store, lifecycle, clock, config.dbPoolSize());
        this.users = new UserService(schemas, normalizer, immutability, patches, userRenderer, new UserFactsExtractor(),
                new AccountChanges(store, resolution, lifecycle, this.lifecycle.gate(), clock), directory);
        this.groupRenderer = new GroupRenderer(json);
        MemberInput memberInput = new MemberInput(values, schemas);
        this.groups = new GroupService(schemas, normalizer, immutability, new GroupPatcher(patches, memberInput, schemas),
                memberInput, groupRenderer, new GroupChanges(store, clock), directory);
        this.auditChain = new AuditChain(bootstrap.database());
        // registered first: started first, stopped last
        background.register(new DatabaseWatch(bootstrap.database(), config.dbTimeouts().health()));
        background.register(new AuditSealer(auditChain, clock));
        background.register(timers);
        background.register(this.lifecycle.resumer());
        SecureRandom random = new SecureRandom();
        this.observability = new Observability(clock);
        observability.readFrom(new StoreHealthQueries(bootstrap.database()));
        this.webhooks = MasterKeys.resolve(config, random)
                .map(key -> new WebhookServices(config.delivery(), config.formats(), bootstrap.database(), transactions, store,
                        new SecretBox(key, random), network, random, clock, json, observability.deliveries())).orElse(null);
        if (webhooks != null) {
            background.register(webhooks.dispatcher());
            background.register(webhooks.retention());
        }
        AccessTokens accessTokens = new AccessTokens(random);
        this.sourceDirectory = new StoreSourceDirectory(bootstrap.database());
        this.sourceAdministration = new SourceAdministration(store, sourceDirectory, accessTokens, clock);
        // Look-ups are cached briefly; a revocation empties the cache so the token stops working at once.
        this.callerLookup = new CachingCallerLookup(
                token -> new CredentialStore().callerFor(bootstrap.database().dsl(), AccessTokens.hash(token)),
                Duration.ofSeconds(5), System::nanoTime);
        this.authThrottle = new AuthFailureThrottle(config.authFailureLimit(), clock);
        this.sourceTokens = new SourceTokens(store, accessTokens, callerLookup::forgetAll, clock);
        // the authentication cache holds sources: forget it so a changed setting applies to the next push
        this.sourceSettings = new SourceSettingsChanges(store, sourceDirectory, callerLookup::forgetAll, clock);
    }

    /** Wires the process on the system clock. Opens (and migrates) the database; writes nothing else. */
    public static Services open(Config config) {
        return open(config, Clock.systemUTC());
    }

    /** Wires the process on the given clock (tests move it forward). Writes nothing to the database. */
    public static Services open(Config config, Clock clock) {
        return open(config, clock, DeliveryNetwork.system(config.delivery().requestTimeout()));
    }

    /** Wires the process with webhooks sent over the given network (tests inject a resolver and a transport spy). */
    public static Services open(Config config, Clock clock, DeliveryNetwork network) {
        return new Services(DatabaseBootstrap.open(config), config, clock, network);
    }

    public Clock clock() {
        return clock;
    }

    /** What sources' accounts and groups look like now (read side), e.g. a group's flattened membership. */
    public DirectoryQueries directory() {
        return directory;
    }

    public Database database() {
        return bootstrap.database();
    }

    public Migrations migrations() {
        return bootstrap.migrations();
    }

    public AuditChain auditChain() {
        return auditChain;
    }

    /** The lifecycle timer scheduler (background work while serving; tests run a pass with runOnce). */
    public TimerScheduler timerScheduler() {
        return timers;
    }

    /**
     * What only a serving process does before it answers: applies the authority file's overrides,
     * then starts the background work. CLI commands never call this.
     */
    public void startServing() {
        webhooks();
        identityAdministration.initialiseAuthority(config.identity().authorityOverrides());
        background.start();
    }

    /** The names of the registered background tasks, in start order. */
    public List<String> backgroundTasks() {
        return background.names();
    }

    public ObjectMapper json() {
        return json;
    }

    public SourceAdministration sourceAdministration() {
        return sourceAdministration;
    }

    public CallerLookup callerLookup() {
        return callerLookup;
    }

    /** Failed bearer-token attempts per client address. */
    public AuthFailureThrottle authThrottle() {
        return authThrottle;
    }

    /** Identity administration: authority matrix, match cases, merge/unmerge, person detail and timeline. */
    public IdentityAdministration identityAdministration() {
        return identityAdministration;
    }

    /** The JAX-RS resources of the protocol surfaces. */
    List<Object> resources(Config config, PublicUrl publicUrl) {
        ResourceLocations locations = new ResourceLocations(publicUrl);
        ScimLimits limits = new ScimLimits(config.bulkMaxOperations(), config.maxBodyBytes(), config.filterMaxResults(),
                config.filterMaxCost());
        ScimBodyReader bodies = new ScimBodyReader(json, config.maxBodyBytes());
        AttributeProjector projector = new AttributeProjector(schemas);
        List<Object> out = new ArrayList<>();
        out.add(new DiscoveryResource(schemas, limits, json, locations));
        out.add(new UsersResource(users, userRenderer, projector, schemas, bodies, json, limits, locations));
        out.add(new BulkResource(new BulkProcessor(Map.of(ResourceKind.USERS, new UserBulkTarget(users),
                ResourceKind.GROUPS, new GroupBulkTarget(groups))),
                new BulkRequestReader(limits.bulkMaxOperations()), bodies, json, locations));
        out.add(new GroupsResource(groups, groupRenderer, projector, schemas, bodies, json, limits, locations));
        out.add(new RootSearchResource(new RootSearch(List.of(new UserSearch(users, userRenderer, projector, schemas, locations),
                new GroupSearch(groups, groupRenderer, projector, schemas, locations)), new FilterScope(schemas)), bodies, json, limits));
        out.addAll(adminResources(config, publicUrl));
        return out;
    }

    /** The meters and the per-source activity (RollcallServer registers its request listener). */
    Observability observability() {
        return observability;
    }

    /** The webhook dispatcher of this process (background work while serving). */
    public Dispatcher dispatcher() {
        return webhooks().dispatcher();
    }

    /** The sweep deleting finished deliveries older than the retention (background work; tests run a pass with runOnce). */
    public DeliveryRetentionSweep deliveryRetention() {
        return webhooks().retention();
    }

    /** Another dispatcher over the same database, as a second instance would run (tests). */
    public Dispatcher newDispatcher(int batch) {
        return webhooks().dispatcher(batch);
    }

    /** The claims the dispatchers make (tests lease deliveries to a dispatcher that then dies). */
    public DeliveryClaims deliveryClaims() {
        return webhooks().claims();
    }

    /** Serving needs the master key: refused without one (an external database and no ROLLCALL_MASTER_KEY). */
    private WebhookServices webhooks() {
        if (webhooks == null) {
            throw MasterKeys.missing();
        }
        return webhooks;
    }


    /** The admin API at /api/v1. */
    private List<Object> adminResources(Config config, PublicUrl publicUrl) {
        AdminRequests requests = new AdminRequests(json, config.maxBodyBytes());
        List<Object> out = new ArrayList<>();
        out.add(new SourcesResource(sourceAdministration, sourceTokens, sourceSettings, requests, json, publicUrl));
        out.add(new PeopleResource(new PeopleQueries(new StorePeopleDirectory(bootstrap.database(), new PersonQueries(json)),
                sourceDirectory), identityAdministration, sourceDirectory, requests, json));
        out.add(new MatchCasesResource(identityAdministration, sourceDirectory, requests, json));
        out.add(new AuthorityResource(identityAdministration, requests, json));
        out.addAll(lifecycle.resources(identityAdministration, sourceDirectory, requests));
        WebhookServices w = webhooks();
        out.add(new SubscriptionsResource(w.registry(), requests, json, publicUrl, w.defaults()));
        out.add(new SubscriptionDeliveriesResource(w.registry(), w.deliveries(), w.replays(), requests, json, w.defaults()));
        out.addAll(w.formatResources(requests, json));
        out.addAll(WebhookResources.of(w, json, observability, sourceDirectory, clock));
        out.add(new DeliveriesResource(w.deliveries(), w.replays(), json, w.defaults()));
        return out;
    }

    @Override
    public void close() {
        background.close();
        bootstrap.close();
    }
}
