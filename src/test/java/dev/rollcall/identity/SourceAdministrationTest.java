package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SourceAdministrationTest {
    private static final Actor ACTOR = new Actor("admin:it", "corr-1");
    private final InMemorySourceRegistry registry = new InMemorySourceRegistry();
    private final SourceAdministration administration = new SourceAdministration(registry, registry,
            new AccessTokens(new SecureRandom()), Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));

    private static void assertRefused(Runnable call, IdentityException.Kind kind, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IdentityException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aNameIsUpTo100SafeCharactersStartingWithALetterOrDigit() {
        String refused = "a name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit";
        for (String bad : new String[] {null, "", "bad name", "-lead", ".lead", "semi;colon", "x".repeat(101), "ümlaut"}) {
            assertRefused(() -> administration.addSource(ACTOR, bad, SourceKind.HRIS, null), IdentityException.Kind.INVALID,
                    refused);
            assertRefused(() -> administration.addAdminToken(ACTOR, bad, AdminScope.READ), IdentityException.Kind.INVALID,
                    refused);
        }
        assertThat(registry.registered()).isEmpty();
        assertThat(registry.adminTokens()).isEmpty();
        assertThat(registry.auditRecords()).isEmpty();

        administration.addSource(ACTOR, "x".repeat(100), SourceKind.HRIS, null);
        administration.addSource(ACTOR, "9a._-Z", SourceKind.HRIS, null);
        assertThat(registry.registered()).hasSize(2);
    }

    @Test
    void aTakenNameIsAConflictAndChangesNothing() {
        administration.addSource(ACTOR, "workday", SourceKind.HRIS, null);
        assertRefused(() -> administration.addSource(ACTOR, "workday", SourceKind.CRM, null),
                IdentityException.Kind.CONFLICT, "a source named 'workday' already exists");
        assertThat(registry.registered()).singleElement().satisfies(s -> assertThat(s.source().kind()).isEqualTo(SourceKind.HRIS));
        assertThat(registry.storedTokens()).hasSize(1);
        assertThat(registry.auditRecords()).hasSize(1);
    }

    @Test
    void aNameTakenByAConcurrentRegistrationIsTheSameConflict() {
        registry.takeConcurrently("okta");
        assertRefused(() -> administration.addSource(ACTOR, "okta", SourceKind.IDP, null),
                IdentityException.Kind.CONFLICT, "a source named 'okta' already exists");
        assertThat(registry.storedTokens()).isEmpty();
        assertThat(registry.auditRecords()).isEmpty();
    }

    @Test
    void theKindDecidesWhetherASourceMayCreatePersonsUnlessTold() {
        assertThat(administration.addSource(ACTOR, "okta", SourceKind.IDP, null).source().mayCreatePersons()).isFalse();
        assertThat(administration.addSource(ACTOR, "workday", SourceKind.HRIS, null).source().mayCreatePersons()).isTrue();
        assertThat(administration.addSource(ACTOR, "entra", SourceKind.IDP, true).source().mayCreatePersons()).isTrue();
        assertThat(administration.addSource(ACTOR, "crm", SourceKind.CRM, false).source().mayCreatePersons()).isFalse();
    }

    @Test
    void aNewSourceGetsOneTokenOfWhichOnlyTheHashIsKept() {
        SourceAdministration.IssuedSource issued = administration.addSource(ACTOR, "workday", SourceKind.HRIS, null);
        assertThat(issued.token()).startsWith("rc_src_");
        assertThat(registry.storedTokens()).singleElement().satisfies(t -> {
            assertThat(t.sourceId()).isEqualTo(issued.source().id());
            assertThat(t.token().name()).isEqualTo("workday-1");
            assertThat(t.hash()).isEqualTo(AccessTokens.hash(issued.token())).doesNotContain(issued.token());
        });
        assertThat(administration.source("workday").tokens()).singleElement()
                .satisfies(t -> assertThat(t.active()).isTrue());
    }

    @Test
    void registrationIsAuditedWithTheCallersCorrelationIdAndTheFieldsInWireOrder() {
        Source source = administration.addSource(ACTOR, "okta", SourceKind.IDP, null).source();
        AuditRecord r = registry.auditRecords().get(0);
        assertThat(r.actor()).isEqualTo(ACTOR);
        assertThat(r.action()).isEqualTo("source.create");
        assertThat(r.targetType()).isEqualTo("source");
        assertThat(r.targetId()).isEqualTo(Long.toString(source.id()));
        assertThat(r.before()).isNull();
        assertThat(((AuditRecord.Fields) r.after()).values()).containsExactly(
                java.util.Map.entry("name", "okta"), java.util.Map.entry("kind", "idp"),
                java.util.Map.entry("mayCreatePersons", false), java.util.Map.entry("assertsWorkerIds", true));
    }

    @Test
    void hrisAndIdpSourcesAssertWorkerIdsByDefaultACrmDoesNotUnlessTold() {
        assertThat(administration.addSource(ACTOR, "hr", SourceKind.HRIS, null).source().assertsWorkerIds()).isTrue();
        assertThat(administration.addSource(ACTOR, "idp", SourceKind.IDP, null).source().assertsWorkerIds()).isTrue();
        assertThat(administration.addSource(ACTOR, "crm", SourceKind.CRM, null).source().assertsWorkerIds()).isFalse();
        assertThat(administration.addSource(ACTOR, "crm2", SourceKind.CRM, null, true).source().assertsWorkerIds()).isTrue();
        assertThat(administration.source("crm2").source().assertsWorkerIds()).isTrue();
    }

    @Test
    void anAdminTokenIsIssuedOnceAndAudited() {
        String token = administration.addAdminToken(ACTOR, "dashboard", AdminScope.READ);
        assertThat(token).startsWith("rc_adm_");
        assertThat(registry.adminTokens()).containsExactly(
                new InMemorySourceRegistry.AdminToken("dashboard", AdminScope.READ, AccessTokens.hash(token)));
        AuditRecord r = registry.auditRecords().get(0);
        assertThat(r.action()).isEqualTo("admin-token.create");
        assertThat(r.targetType()).isEqualTo("credential");
        assertThat(r.targetId()).isEqualTo("dashboard");
        assertThat(((AuditRecord.Fields) r.after()).values()).containsExactly(
                java.util.Map.entry("name", "dashboard"), java.util.Map.entry("scope", "admin:read"));
    }

    @Test
    void anUnknownSourceIsNotFound() {
        assertRefused(() -> administration.source("nope"), IdentityException.Kind.NOT_FOUND, "no source named 'nope'");
    }
}
