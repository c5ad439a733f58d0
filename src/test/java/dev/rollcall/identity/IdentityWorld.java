package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.EventType;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.InMemoryTables.LoggedEvent;
import dev.rollcall.kernel.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The identity domain wired to the in-memory store, with three sources (HRIS and CRM create persons,
 * the IdP does not), {@code corp.com} as corporate domain and a fixed clock. Pushes mirror
 * {@code AccountChanges} minus the directory rows: place, insert the account, record what follows.
 */
final class IdentityWorld {
    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final Actor ADMIN = new Actor("admin:it-ops", "corr-admin-1");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryIdentityStore store = new InMemoryIdentityStore();
    final Source hr = store.addSource("workday", SourceKind.HRIS, true);
    final Source idp = store.addSource("okta", SourceKind.IDP, false);
    final Source crm = store.addSource("salesforce", SourceKind.CRM, true);
    final MatchPolicy policy = MatchPolicy.defaults()
            .withEmail(new EmailPolicy(true, Set.of("gmail.com"), Map.of(), Set.of("corp.com")));
    final AccountResolution resolution = new AccountResolution(new Matcher(policy), new GoldenComputer(),
            new CurrentAuthority());
    final PersonOperations operations = new PersonOperations(resolution);

    Instant now() {
        return Timestamps.now(clock);
    }

    <T> T inTx(Function<IdentityTx, T> work) {
        return store.transactor().inTransaction(work);
    }

    /** A new account of {@code source}; returns where it was placed. */
    AccountResolution.Placement push(Source source, String accountId, AccountFacts facts) {
        return inTx(tx -> {
            AccountResolution.Placement p = resolution.place(tx, source, facts, now());
            long pk = store.insertAccount(source.id(), accountId, p.person().pk(), null, facts.attributes().get("userName"),
                    facts.workerId(), facts.active(), "{}", now());
            resolution.created(tx, source, p, pk, accountId, facts, "source:" + source.name(), now());
            return p;
        });
    }

    /** The id of the person a new account was placed on. */
    String pushed(Source source, String accountId, AccountFacts facts) {
        return push(source, accountId, facts).person().id();
    }

    /** A replace of the account's facts; returns the person it is linked to afterwards. */
    PersonRef change(String accountId, AccountFacts facts) {
        return change(accountId, null, facts);
    }

    /** A replace, as AccountChanges does it: knowing the facts stored before ({@code previous}, may be null). */
    PersonRef change(String accountId, AccountFacts previous, AccountFacts facts) {
        return inTx(tx -> {
            var a = store.account(accountId).orElseThrow();
            Source source = store.ports().sources().byId(a.sourceId()).orElseThrow();
            store.replaceAccount(a.replaced(a.externalId(), facts.attributes().get("userName"), facts.workerId(),
                    facts.active(), a.document(), a.version() + 1, now()));
            return resolution.changed(tx, source, a.pk(), a.id(), a.personPk(), previous, facts, now());
        });
    }

    void delete(String accountId) {
        inTx(tx -> {
            var a = store.account(accountId).orElseThrow();
            Source source = store.ports().sources().byId(a.sourceId()).orElseThrow();
            store.deleteAccount(a.pk());
            resolution.deleted(tx, source, a.id(), a.personPk(), now());
            return null;
        });
    }

    Map<String, Object> merge(String survivorId, String mergedId) {
        return inTx(tx -> operations.merge(tx, ADMIN, survivorId, mergedId, now()));
    }

    String unmerge(String personId, String accountId) {
        return inTx(tx -> operations.unmerge(tx, ADMIN, personId, accountId, now()));
    }

    void decide(String caseId, CaseDecision decision) {
        inTx(tx -> {
            operations.decide(tx, ADMIN, caseId, decision, now());
            return null;
        });
    }

    PersonRow person(String id) {
        return store.person(id).orElseThrow(() -> new AssertionError("no person " + id));
    }

    List<EventType> types(String personId) {
        return store.eventTypesOf(personId);
    }

    List<NewEvent> eventsOf(String personId) {
        return store.eventsOf(personId).stream().map(LoggedEvent::event).toList();
    }

    /** The payload of the person's last event of this type. */
    <P> P last(String personId, EventType type, Class<P> payloadType) {
        List<NewEvent> all = eventsOf(personId).stream().filter(e -> e.type() == type).toList();
        if (all.isEmpty()) {
            throw new AssertionError("person " + personId + " has no " + type.wireName() + " event: " + types(personId));
        }
        return payloadType.cast(all.get(all.size() - 1).payload());
    }

    MatchCaseView onlyOpenCase() {
        List<MatchCaseView> open = store.openCases();
        if (open.size() != 1) {
            throw new AssertionError("expected one open case, got " + open);
        }
        return open.get(0);
    }
}
