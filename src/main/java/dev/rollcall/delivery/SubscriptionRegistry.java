package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.DeliveryLimits;
import dev.rollcall.delivery.rules.EventTypeFilter;
import dev.rollcall.delivery.rules.PersonFilter;
import dev.rollcall.delivery.rules.Subscription;
import dev.rollcall.delivery.rules.SubscriptionQueries;
import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook subscription registry: every change validated first (nothing is written on bad input),
 * then made with its audit record in one transaction. The signing secret is made here, sealed with the
 * master key before it is stored, and returned once, to the creator; audit records never carry it.
 */
public final class SubscriptionRegistry {
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2000;

    private final Transactor<? extends DeliveryTx> transactions;
    private final SubscriptionQueries queries;
    private final SecretBox secrets;
    private final SecureRandom random;
    private final Clock clock;

    public SubscriptionRegistry(Transactor<? extends DeliveryTx> transactions, SubscriptionQueries queries,
                                SecretBox secrets, SecureRandom random, Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.secrets = secrets;
        this.random = random;
        this.clock = clock;
    }

    /** A new subscription and its secret, shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    /**
     * How a subscription renders and signs, which persons it hears of, and its delivery limits; nulls
     * are the defaults.
     */
    public record Options(String format, AttributeMapping mapping, PersonFilter filter, String signing, Duration timeout,
                          Integer maxAttempts) {
        public static final Options DEFAULTS = new Options(null, null, null, null, null, null);
    }

    public Created create(Actor actor, String name, String url, List<String> eventTypes, Options options) {
        String format = format(options.format());
        String signing = signing(options.signing(), format);
        Instant now = Timestamps.now(clock);
        Subscription s = new Subscription(UUID.randomUUID().toString(), name(name), url(url), types(eventTypes),
                format, true, null, now, now, options.mapping() == null ? AttributeMapping.NONE : options.mapping(),
                options.filter() == null ? PersonFilter.NONE : options.filter(), signing,
                limits(options.timeout(), options.maxAttempts()), null);
        String secret = WebhookSigner.newSecret(random);
        transactions.inTransaction(tx -> {
            tx.subscriptions().insert(s, secrets.seal(s.id(), secret));
            tx.audit().record(now, new AuditRecord(actor, "subscription.create", "subscription", s.id(), null,
                    AuditRecord.fields(fields(s))));
            return null;
        });
        return new Created(s, secret);
    }

    public List<Subscription> all() {
        return queries.all();
    }

    public Subscription get(String id) {
        return queries.byId(id).orElseThrow(() -> unknown(id));
    }

    public Subscription update(Actor actor, String id, SubscriptionChange change) {
        String name = change.name() == null ? null : name(change.name());
        String url = change.url() == null ? null : url(change.url());
        EventTypeFilter types = change.eventTypes() == null ? null : types(change.eventTypes());
        Instant now = Timestamps.now(clock);
        return transactions.inTransaction(tx -> {
            Subscription before = tx.subscriptions().lockById(id).orElseThrow(() -> unknown(id));
            boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
            String reason = enabled ? null : change.enabled() != null ? "disabled by " + actor.name() : before.disabledReason();
            String signing = change.signing() == null ? before.signing() : signing(change.signing(), before.format());
            DeliveryLimits limits = limits(change.timeout() == null ? before.limits().timeout() : change.timeout().orElse(null),
                    change.maxAttempts() == null ? before.limits().maxAttempts() : change.maxAttempts().orElse(null));
            // enabled again: the failing period starts afresh, else the next failure would disable it at once
            Instant failingSince = enabled && !before.enabled() ? null : before.failingSince();
            Subscription after = new Subscription(id, name != null ? name : before.name(), url != null ? url : before.url(),
                    types != null ? types : before.eventTypes(), before.format(), enabled, reason, before.createdAt(), now,
                    change.mapping() != null ? change.mapping() : before.mapping(),
                    change.filter() != null ? change.filter() : before.filter(), signing, limits, failingSince);
            tx.subscriptions().update(after);
            tx.audit().record(now, new AuditRecord(actor, "subscription.update", "subscription", id,
                    AuditRecord.fields(fields(before)), AuditRecord.fields(fields(after))));
            return after;
        });
    }

    public void delete(Actor actor, String id) {
        Instant now = Timestamps.now(clock);
        transactions.inTransaction(tx -> {
            Subscription before = tx.subscriptions().lockById(id).orElseThrow(() -> unknown(id));
            tx.subscriptions().delete(id);
            tx.audit().record(now, new AuditRecord(actor, "subscription.delete", "subscription", id,
                    AuditRecord.fields(fields(before)), null));
            return null;
        });
    }

    private static Map<String, Object> fields(Subscription s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        out.put("url", s.url());
        out.put("eventTypes", s.eventTypes().patterns());
        out.put("format", s.format());
        out.put("enabled", s.enabled());
        if (s.disabledReason() != null) {
            out.put("disabledReason", s.disabledReason());
        }
        out.put("signing", s.signing());
        // the rules in their readable form; audit state is a flat map of fields
        out.put("attributeMapping", s.mapping().fields().stream().map(AttributeMapping.Field::to).toList());
        if (!s.filter().isNone()) {
            PersonFilter f = s.filter();
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("personas", f.personas().stream().map(k -> k.wireName()).sorted().toList());
            filter.put("departments", f.departments().stream().sorted().toList());
            filter.put("sourceKinds", f.sourceKinds().stream().map(k -> k.wireName()).sorted().toList());
            filter.put("states", f.states().stream().map(k -> k.wireName()).sorted().toList());
            out.put("personFilter", filter);
        }
        if (s.limits().timeout() != null) {
            out.put("timeout", s.limits().timeout().toString());
        }
        if (s.limits().maxAttempts() != null) {
            out.put("maxAttempts", s.limits().maxAttempts());
        }
        return out;
    }

    private static String format(String format) {
        if (format == null || format.equals(Subscription.STANDARD_WEBHOOKS)) {
            return Subscription.STANDARD_WEBHOOKS;
        }
        if (format.equals(Subscription.SET)) {
            return Subscription.SET;
        }
        throw new SubscriptionException(400, "'format' must be standard-webhooks or set");
    }

    /** Ed25519 ({@code v1a}) is a Standard Webhooks signature; a SET is signed by the server's key anyway. */
    private static String signing(String signing, String format) {
        if (signing == null || signing.equals(Subscription.HMAC)) {
            return Subscription.HMAC;
        }
        if (!signing.equals(Subscription.ED25519)) {
            throw new SubscriptionException(400, "'signing' must be hmac or ed25519");
        }
        if (!format.equals(Subscription.STANDARD_WEBHOOKS)) {
            throw new SubscriptionException(400, "'signing' ed25519 is for the standard-webhooks format only");
        }
        return Subscription.ED25519;
    }

    private static SubscriptionException unknown(String id) {
        return new SubscriptionException(404, "no subscription " + id);
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new SubscriptionException(400, "'name' is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new SubscriptionException(400, "'name' is longer than " + MAX_NAME + " characters");
        }
        return name.trim();
    }

    /** An absolute http(s) URL with a host, without user info or fragment. Where it points is checked at send time. */
    static String url(String url) {
        if (url == null || url.isBlank()) {
            throw new SubscriptionException(400, "'url' is required");
        }
        if (url.length() > MAX_URL) {
            throw new SubscriptionException(400, "'url' is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new SubscriptionException(400, "'url' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new SubscriptionException(400, "'url' must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new SubscriptionException(400, "'url' must not carry user info or a fragment");
        }
        return uri.toString();
    }

    private static DeliveryLimits limits(Duration timeout, Integer maxAttempts) {
        try {
            return new DeliveryLimits(timeout, maxAttempts);
        } catch (IllegalArgumentException e) {
            throw new SubscriptionException(400, e.getMessage());
        }
    }

    private static EventTypeFilter types(List<String> eventTypes) {
        try {
            return EventTypeFilter.of(eventTypes);
        } catch (IllegalArgumentException e) {
            throw new SubscriptionException(400, "'eventTypes': " + e.getMessage());
        }
    }
}
