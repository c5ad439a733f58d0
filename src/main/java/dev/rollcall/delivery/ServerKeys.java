package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.delivery.rules.SigningKey;
import dev.rollcall.delivery.rules.SigningKeyRows;
import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's signing keys (ES256 for Security Event Tokens, Ed25519 for {@code v1a} webhooks): made
 * on first use, sealed with the master key, rotated through the admin API. A rotated key stops signing
 * at once and stays published in the JWKS for the overlap. Each instance keeps the current key of an
 * algorithm for a few seconds, so a rotation made by another instance applies there shortly after.
 */
public final class ServerKeys {
    static final Duration RELOAD = Duration.ofSeconds(10);

    private final Transactor<? extends DeliveryTx> transactions;
    private final SigningKeyRows reads;
    private final SecretBox box;
    private final KeyGenerators generators;
    private final Clock clock;
    private final Duration overlap;
    private final Map<String, Loaded> current = new ConcurrentHashMap<>();
    private final Map<String, Loaded> signingSets = new ConcurrentHashMap<>();

    public ServerKeys(Transactor<? extends DeliveryTx> transactions, SigningKeyRows reads, SecretBox box,
                      KeyGenerators generators, Clock clock, Duration overlap) {
        this.transactions = transactions;
        this.reads = reads;
        this.box = box;
        this.generators = generators;
        this.clock = clock;
        this.overlap = overlap;
    }

    /** A current key opened for signing: its kid and its private half (the form KeyGenerators made). */
    public record Current(String kid, String alg, String privateKey) {
    }

    private record Loaded(Current key, Instant at, List<Current> set) {
        Loaded(Current key, Instant at) {
            this(key, at, List.of(key));
        }
    }

    /** The current key of the algorithm, made now when there is none. */
    public Current current(String alg) {
        Instant now = Timestamps.now(clock);
        Loaded l = current.get(alg);
        if (l != null && !now.isBefore(l.at()) && now.isBefore(l.at().plus(RELOAD))) {
            return l.key();
        }
        SigningKey key = newest(reads.published(now), alg).orElseGet(() -> create(alg, now));
        Current c = new Current(key.kid(), alg, box.open(key.kid(), key.sealedPrivate()));
        current.put(alg, new Loaded(c, now));
        return c;
    }

    /**
     * The current key and those still retiring, newest first, opened: what signs a Standard Webhooks
     * {@code v1a} delivery, so that a receiver still holding the previous public key verifies it during
     * the overlap (as with rotated secrets).
     */
    public List<Current> signingSet(String alg) {
        Current newest = current(alg);
        Instant now = Timestamps.now(clock);
        Loaded l = signingSets.get(alg);
        if (l == null || now.isBefore(l.at()) || !now.isBefore(l.at().plus(RELOAD)) || !l.set().get(0).kid().equals(newest.kid())) {
            List<Current> set = new java.util.ArrayList<>(List.of(newest));
            reads.published(now).stream().filter(k -> k.alg().equals(alg) && k.retiresAt() != null)
                    .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
                    .forEach(k -> set.add(new Current(k.kid(), alg, box.open(k.kid(), k.sealedPrivate()))));
            l = new Loaded(newest, now, List.copyOf(set));
            signingSets.put(alg, l);
        }
        return l.set();
    }

    /**
     * Every key in the JWKS now: the current ones and those retiring, oldest first. Each algorithm's
     * first key is made here if no delivery needed one yet, so receivers can fetch the JWKS up front.
     */
    public List<SigningKey> published() {
        generators.algorithms().forEach(this::current);
        return reads.published(Timestamps.now(clock));
    }

    /** A new current key for the algorithm; the previous one retires after the overlap. Audited. */
    public SigningKey rotate(Actor actor, String alg) {
        if (!generators.supports(alg)) {
            throw new SubscriptionException(400, "'alg' must be one of " + generators.algorithms());
        }
        Instant now = Timestamps.now(clock);
        SigningKey fresh = generate(alg, now);
        transactions.inTransaction(tx -> {
            Optional<SigningKey> before = newest(tx.signingKeys().published(now), alg);
            tx.signingKeys().rotate(fresh, now, now.plus(overlap));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kid", fresh.kid());
            after.put("alg", alg);
            before.ifPresent(b -> after.put("retiring", b.kid()));
            before.ifPresent(b -> after.put("retiresAt", now.plus(overlap).toString()));
            tx.audit().record(now, new AuditRecord(actor, "signing-key.rotate", "signing-key", fresh.kid(), null,
                    AuditRecord.fields(after)));
            return null;
        });
        current.remove(alg);
        signingSets.remove(alg);
        return fresh;
    }

    public Duration overlap() {
        return overlap;
    }

    private SigningKey create(String alg, Instant now) {
        SigningKey fresh = generate(alg, now);
        transactions.inTransaction(tx -> {
            // another instance may have made one meanwhile: then both are published and the newest signs
            if (newest(tx.signingKeys().published(now), alg).isEmpty()) {
                tx.signingKeys().rotate(fresh, now, now);
            }
            return null;
        });
        return newest(reads.published(now), alg).orElse(fresh);
    }

    private SigningKey generate(String alg, Instant now) {
        String kid = alg.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 13);
        KeyGenerators.Generated g = generators.generate(alg, kid);
        return new SigningKey(kid, alg, box.seal(kid, g.privateKey()), g.publicJwk(), now, null);
    }

    private static Optional<SigningKey> newest(List<SigningKey> keys, String alg) {
        return keys.stream().filter(k -> k.alg().equals(alg) && k.retiresAt() == null)
                .max(Comparator.comparing(SigningKey::createdAt));
    }
}
