package dev.rollcall.identity;

import static dev.rollcall.events.EventType.PERSON_CREATED;
import static dev.rollcall.events.EventType.PERSON_MERGED;
import static dev.rollcall.events.EventType.PERSON_UNMERGED;
import static dev.rollcall.events.EventType.PERSON_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.InMemoryTables.LoggedAudit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admin merge and unmerge (PersonOperations), against the in-memory store. */
class MergeUnitTest {
    private final IdentityWorld w = new IdentityWorld();
    private final String alex = w.pushed(w.hr, "hr-a", Facts.named("Alex", "Moss").email("alex.moss@corp.com")
            .worker("W1000").department("Ops").build());
    private final String al = w.pushed(w.hr, "hr-b", Facts.named("Al", "Moss-Smith").email("al@elsewhere.example")
            .worker("W2000").with("title", "Buyer").build());

    @Test
    void mergeMovesEveryAccountAndWorkerLinkAndTellsBothPersons() {
        w.merge(alex, al);

        assertThat(w.store.accountsOf(alex)).containsExactly("hr-a", "hr-b");
        assertThat(w.store.accountsOf(al)).isEmpty();
        assertThat(w.person(al).mergedIntoPk()).isEqualTo(w.person(alex).pk());
        assertThat(w.store.workerOwner("W2000")).contains(alex);
        EventPayload.PersonMerged expected = new EventPayload.PersonMerged(alex, alex, al, List.of("hr-b"));
        assertThat(w.last(alex, PERSON_MERGED, EventPayload.PersonMerged.class)).isEqualTo(expected);
        assertThat(w.last(al, PERSON_MERGED, EventPayload.PersonMerged.class))
                .isEqualTo(new EventPayload.PersonMerged(al, alex, al, List.of("hr-b")));
        assertThat(w.eventsOf(alex)).last().extracting(NewEvent::announced).isEqualTo(true);
        EventPayload.PersonUpdated updated = w.last(alex, PERSON_UPDATED, EventPayload.PersonUpdated.class);
        assertThat(updated.cause()).isEqualTo("person.merged");
        assertThat(updated.changes()).contains(new EventPayload.AttributeChange("title", null, "Buyer"));
    }

    @Test
    void mergeRecordsAMergedDecisionPerMovedAccountAndOneAuditRecordWithTheActorsCorrelationId() {
        w.push(w.crm, "crm-b", Facts.named("Al", "Moss-Smith").email("al@elsewhere.example").build());
        assertThat(w.store.accountsOf(al)).containsExactly("hr-b", "crm-b");
        int before = w.store.decisions().size();

        w.merge(alex, al);

        assertThat(w.store.decisions().subList(before, w.store.decisions().size()))
                .extracting(MatchDecisionRecord::accountId, MatchDecisionRecord::personId, MatchDecisionRecord::outcome,
                        MatchDecisionRecord::actor)
                .containsExactly(tuple("hr-b", alex, MatchOutcome.MERGED, "admin:it-ops"),
                        tuple("crm-b", alex, MatchOutcome.MERGED, "admin:it-ops"));
        assertThat(w.store.audit()).hasSize(1);
        AuditRecord audit = w.store.audit().get(0).record();
        assertThat(audit.actor().correlationId()).isEqualTo("corr-admin-1");
        assertThat(audit).extracting(AuditRecord::action, AuditRecord::targetType, AuditRecord::targetId)
                .containsExactly("person.merge", "person", alex);
        assertThat(((AuditRecord.Fields) audit.after()).values()).containsEntry("mergedId", al)
                .containsEntry("accountIds", List.of("hr-b", "crm-b"));
    }

    @Test
    void mergeRefusesThePersonItselfAProvisionalSurvivorUnknownPersonsAndASecondTime() {
        String parked = w.pushed(w.idp, "idp-1", Facts.named("Gus", "Ghost").email("ghost@corp.com").build());

        assertRefused(() -> w.merge(alex, alex), IdentityException.Kind.INVALID, "itself");
        assertRefused(() -> w.merge(parked, alex), IdentityException.Kind.INVALID, "provisional");
        assertRefused(() -> w.merge(alex, "person-nobody"), IdentityException.Kind.NOT_FOUND, "person-nobody");
        w.merge(alex, al);
        assertRefused(() -> w.merge(alex, al), IdentityException.Kind.CONFLICT, "already merged");
        assertRefused(() -> w.merge(al, parked), IdentityException.Kind.CONFLICT, "already merged");
        assertThat(w.store.audit()).extracting(a -> a.record().action()).containsExactly("person.merge");
        assertThat(w.store.transactor().rollbacks()).isEqualTo(5);
    }

    @Test
    void unmergeGivesTheAccountANewAnnouncedPersonAndMovesItsWorkerId() {
        w.merge(alex, al);

        String fresh = w.unmerge(alex, "hr-b");

        assertThat(fresh).isNotIn(alex, al);
        assertThat(w.store.accountsOf(fresh)).containsExactly("hr-b");
        assertThat(w.store.accountsOf(alex)).containsExactly("hr-a");
        assertThat(w.store.workerOwner("W2000")).contains(fresh);
        assertThat(w.store.workerOwner("W1000")).contains(alex);
        assertThat(w.eventsOf(fresh)).first().satisfies(e -> {
            assertThat(e.announced()).isTrue();
            assertThat(((EventPayload.PersonCreated) e.payload()).cause()).isEqualTo("person.unmerged");
            assertThat(((EventPayload.PersonCreated) e.payload()).golden()).containsEntry("workerId", "W2000");
        });
        assertThat(w.last(alex, PERSON_UNMERGED, EventPayload.PersonUnmerged.class))
                .isEqualTo(new EventPayload.PersonUnmerged(alex, alex, fresh, "hr-b"));
        assertThat(w.store.decisions()).last().extracting(MatchDecisionRecord::outcome, MatchDecisionRecord::personId)
                .containsExactly(MatchOutcome.UNMERGED, fresh);
        assertThat(w.store.audit()).extracting(a -> a.record().action()).containsExactly("person.merge", "person.unmerge");

        w.merge(alex, fresh);
        assertThat(w.store.accountsOf(alex)).containsExactly("hr-a", "hr-b");
    }

    @Test
    void unmergeLeavesTheWorkerIdWhenAnotherAccountOfThePersonCarriesIt() {
        assertThat(w.pushed(w.hr, "hr-a2", Facts.named("Alex", "Moss").email("amoss@corp.com").worker("W1000").build()))
                .isEqualTo(alex);

        String fresh = w.unmerge(alex, "hr-a2");

        assertThat(w.store.accountsOf(fresh)).containsExactly("hr-a2");
        assertThat(w.store.workerOwner("W1000")).contains(alex);
        assertThat(w.types(fresh)).first().isEqualTo(PERSON_CREATED);
    }

    @Test
    void unmergeRefusesTheOnlyAccountAnAccountOfAnotherPersonAndAnUnknownAccount() {
        assertRefused(() -> w.unmerge(alex, "hr-a"), IdentityException.Kind.CONFLICT, "only account");
        assertRefused(() -> w.unmerge(alex, "hr-b"), IdentityException.Kind.CONFLICT, "is not linked to person");
        assertRefused(() -> w.unmerge(alex, "nope"), IdentityException.Kind.NOT_FOUND, "nope");
        assertThat(w.store.personCount()).isEqualTo(2);
        assertThat(w.store.audit()).extracting(LoggedAudit::record).isEmpty();
    }

    private static void assertRefused(Runnable change, IdentityException.Kind kind, String message) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(IdentityException.class,
                e -> assertThat(e.kind()).isEqualTo(kind)).hasMessageContaining(message);
    }
}
