package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceTokensTest {
    private static final Actor ACTOR = new Actor("admin:it", "corr-2");
    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00.123456789Z");
    private final InMemorySourceRegistry registry = new InMemorySourceRegistry();
    private final AccessTokens accessTokens = new AccessTokens(new SecureRandom());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AtomicInteger cacheFlushes = new AtomicInteger();
    private final SourceTokens tokens = new SourceTokens(registry, accessTokens, cacheFlushes::incrementAndGet, clock);

    @BeforeEach
    void registerBamboo() {
        new SourceAdministration(registry, registry, accessTokens, clock).addSource(ACTOR, "bamboo", SourceKind.HRIS, null);
    }

    private long firstTokenId() {
        return registry.registered("bamboo").orElseThrow().tokens().get(0).id();
    }

    private static void assertRefused(Runnable call, IdentityException.Kind kind, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IdentityException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aSourceHoldsAtMostTwoActiveTokensSoAThirdWaitsForARevocation() {
        SourceTokens.IssuedToken second = tokens.issue(ACTOR, "bamboo", "bamboo-2026");
        assertThat(second.info().name()).isEqualTo("bamboo-2026");
        assertThat(second.token()).startsWith("rc_src_");
        assertRefused(() -> tokens.issue(ACTOR, "bamboo", null), IdentityException.Kind.CONFLICT,
                "source 'bamboo' already has 2 active tokens; revoke one before issuing another");
        assertThat(registry.storedTokens()).hasSize(2);

        tokens.revoke(ACTOR, "bamboo", firstTokenId());
        SourceTokens.IssuedToken third = tokens.issue(ACTOR, "bamboo", null);
        assertThat(third.info().name()).as("default name counts every token, revoked ones too").isEqualTo("bamboo-3");
        assertThat(third.info().active()).isTrue();
        assertThat(registry.registered("bamboo").orElseThrow().activeTokens()).isEqualTo(2);
    }

    @Test
    void revokingARevokedTokenChangesNothing() {
        long id = firstTokenId();
        SourceToken first = tokens.revoke(ACTOR, "bamboo", id);
        assertThat(first.revokedAt()).isEqualTo(NOW);
        int auditRows = registry.auditRecords().size();

        SourceToken again = tokens.revoke(ACTOR, "bamboo", id);
        assertThat(again).isEqualTo(first);
        assertThat(registry.auditRecords()).hasSize(auditRows);
        assertThat(registry.registered("bamboo").orElseThrow().tokens()).singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isEqualTo(NOW));
    }

    @Test
    void aRevocationIsAuditedBeforeAndAfterAndEmptiesTheCallerCache() {
        long id = firstTokenId();
        tokens.revoke(ACTOR, "bamboo", id);
        AuditRecord r = registry.auditRecords().get(registry.auditRecords().size() - 1);
        assertThat(r.actor()).isEqualTo(ACTOR);
        assertThat(r.action()).isEqualTo("source.token.revoke");
        assertThat(r.targetType()).isEqualTo("credential");
        assertThat(r.targetId()).isEqualTo(Long.toString(id));
        assertThat(((AuditRecord.Fields) r.before()).values()).containsExactly(new java.util.AbstractMap.SimpleEntry<>("revokedAt", null));
        assertThat(((AuditRecord.Fields) r.after()).values()).containsExactly(
                Map.entry("source", "bamboo"), Map.entry("revokedAt", NOW.toString()));
        assertThat(cacheFlushes).hasValue(1);
    }

    @Test
    void anIssuedTokenIsAuditedWithItsSourceAndName() {
        long id = tokens.issue(ACTOR, "bamboo", null).info().id();
        AuditRecord r = registry.auditRecords().get(registry.auditRecords().size() - 1);
        assertThat(r.action()).isEqualTo("source.token.issue");
        assertThat(r.targetId()).isEqualTo(Long.toString(id));
        assertThat(((AuditRecord.Fields) r.after()).values()).containsExactly(
                Map.entry("source", "bamboo"), Map.entry("name", "bamboo-2"));
    }

    @Test
    void aTokenNameMustBeSafeToo() {
        assertRefused(() -> tokens.issue(ACTOR, "bamboo", "b a d"), IdentityException.Kind.INVALID,
                "a token name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        assertThat(registry.storedTokens()).hasSize(1);
    }

    @Test
    void unknownSourcesAndOtherSourcesTokensAreNotFound() {
        assertRefused(() -> tokens.issue(ACTOR, "nope", null), IdentityException.Kind.NOT_FOUND, "no source named 'nope'");
        assertRefused(() -> tokens.revoke(ACTOR, "nope", 1), IdentityException.Kind.NOT_FOUND, "no source named 'nope'");
        assertRefused(() -> tokens.revoke(ACTOR, "bamboo", 999), IdentityException.Kind.NOT_FOUND,
                "source 'bamboo' has no token 999");
        new SourceAdministration(registry, registry, accessTokens, clock).addSource(ACTOR, "sap", SourceKind.HRIS, null);
        long sapToken = registry.registered("sap").orElseThrow().tokens().get(0).id();
        assertRefused(() -> tokens.revoke(ACTOR, "bamboo", sapToken), IdentityException.Kind.NOT_FOUND,
                "source 'bamboo' has no token " + sapToken);
        assertThat(registry.registered("sap").orElseThrow().tokens().get(0).active()).isTrue();
        assertThat(cacheFlushes).as("nothing was revoked").hasValue(0);
    }
}
