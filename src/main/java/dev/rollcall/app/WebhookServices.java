package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.delivery.DeliveryNetwork;
import dev.rollcall.delivery.DeliveryObserver;
import dev.rollcall.delivery.DeliveryReplays;
import dev.rollcall.delivery.DeliveryRetentionSweep;
import dev.rollcall.delivery.Dispatcher;
import dev.rollcall.delivery.GuardedSender;
import dev.rollcall.admin.AdminRequests;
import dev.rollcall.admin.SecretRotationResource;
import dev.rollcall.admin.SigningKeysResource;
import dev.rollcall.admin.SubscriptionPreviewResource;
import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.KeyGenerators;
import dev.rollcall.delivery.PayloadFormats;
import dev.rollcall.delivery.SecretBox;
import dev.rollcall.delivery.ServerKeys;
import dev.rollcall.delivery.SetFormat;
import dev.rollcall.delivery.StandardWebhooksFormat;
import dev.rollcall.delivery.SecretRotation;
import dev.rollcall.delivery.SubscriptionPreview;
import dev.rollcall.delivery.SubscriptionRegistry;
import dev.rollcall.delivery.SubscriptionTests;
import dev.rollcall.delivery.WebhookBody;
import dev.rollcall.delivery.rules.AddressPolicy;
import dev.rollcall.delivery.rules.DeliveryClaims;
import dev.rollcall.delivery.rules.DeliveryDefaults;
import dev.rollcall.delivery.rules.DeliveryQueries;
import dev.rollcall.delivery.rules.FailureWatch;
import dev.rollcall.delivery.rules.Verdict;
import dev.rollcall.store.Database;
import dev.rollcall.store.StoreDeliveryClaims;
import dev.rollcall.store.StoreDeliveryQueries;
import dev.rollcall.store.StoreDeliveryRetention;
import dev.rollcall.store.SigningKeyStore;
import dev.rollcall.store.StoreSnapshotQueries;
import dev.rollcall.store.StoreSubscriptionQueries;
import dev.rollcall.store.StoreTestTargets;
import dev.rollcall.store.StoreTransactor;
import dev.rollcall.store.Transactions;
import dev.rollcall.web.JwksResource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Subscriptions, their deliveries and the dispatchers, wired once the master key is known. */
final class WebhookServices {
    private static final int DISPATCH_BATCH = 100;

    private final DeliverySettings settings;
    private final SubscriptionRegistry registry;
    private final DeliveryQueries deliveries;
    private final DeliveryReplays replays;
    private final DeliveryClaims claims;
    private final SecretBox secrets;
    private final StoreTransactor store;
    private final GuardedSender sender;
    private final Verdict.Judge judge;
    private final Clock clock;
    private final ObjectMapper json;
    private final Dispatcher dispatcher;
    private final DeliveryRetentionSweep retention;
    private final SecretRotation rotation;
    private final SubscriptionPreview preview;
    private final ServerKeys keys;
    private final PayloadFormats formats;
    private final Database database;
    private final DeliveryObserver observer;

    WebhookServices(DeliverySettings settings, FormatSettings formatSettings, Database database, Transactions transactions,
                    StoreTransactor store, SecretBox secrets, DeliveryNetwork network, SecureRandom random, Clock clock,
                    ObjectMapper json, DeliveryObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.database = database;
        this.secrets = secrets;
        this.store = store;
        this.clock = clock;
        this.json = json;
        StoreSubscriptionQueries subscriptions = new StoreSubscriptionQueries(database, new RulesJson(json));
        this.registry = new SubscriptionRegistry(store, subscriptions, secrets, random, clock);
        this.deliveries = new StoreDeliveryQueries(database);
        this.replays = new DeliveryReplays(store, clock);
        this.claims = new StoreDeliveryClaims(transactions, new RulesJson(json));
        this.sender = new GuardedSender(network.resolver(), new AddressPolicy(settings.allowlist()), network.transport());
        this.judge = new Verdict.Judge(settings.retrySchedule(), random::nextDouble);
        this.preview = new SubscriptionPreview(subscriptions, new StoreSnapshotQueries(database, json));
        this.rotation = new SecretRotation(store, secrets, random, clock, formatSettings.secretOverlap());
        this.keys = new ServerKeys(store, SigningKeyStore.over(database), secrets, new KeyGenerators(), clock,
                formatSettings.signingKeyOverlap());
        this.formats = new PayloadFormats(new StandardWebhooksFormat(new WebhookBody(json), secrets, keys),
                new SetFormat(json, keys, formatSettings.setIssuer()));
        this.dispatcher = dispatcher(DISPATCH_BATCH);
        this.retention = new DeliveryRetentionSweep(new StoreDeliveryRetention(transactions), settings.retention(), observer, clock);
    }

    /** A dispatcher over this process's database; the one registered as background work, or another (tests). */
    Dispatcher dispatcher(int batch) {
        return new Dispatcher(claims, store, formats, sender, judge, new FailureWatch(settings.disableAfter()), observer, clock,
                settings.requestTimeout(), batch);
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Deletes finished deliveries older than the retention (background work while serving). */
    DeliveryRetentionSweep retention() {
        return retention;
    }

    /** The server's timeout and maximum of attempts, for subscriptions without their own. */
    DeliveryDefaults defaults() {
        return new DeliveryDefaults(settings.requestTimeout(), judge.defaultMaxAttempts());
    }

    /** The delivery-only subscription.test, sent by this process's dispatcher. */
    SubscriptionTests tests() {
        return new SubscriptionTests(new StoreTestTargets(database), dispatcher, json, clock);
    }

    Database database() {
        return database;
    }

    SubscriptionRegistry registry() {
        return registry;
    }

    DeliveryQueries deliveries() {
        return deliveries;
    }

    DeliveryReplays replays() {
        return replays;
    }

    DeliveryClaims claims() {
        return claims;
    }

    /** The admin and public endpoints of the delivery formats: secret rotation, preview, signing keys, the JWKS. */
    List<Object> formatResources(AdminRequests requests, ObjectMapper json) {
        return List.of(new SecretRotationResource(rotation, requests, json), new SubscriptionPreviewResource(preview, json),
                new SigningKeysResource(keys, requests, json), new JwksResource(keys, json));
    }
}
