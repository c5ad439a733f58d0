package dev.rollcall.identity;

import static dev.rollcall.events.EventType.ACCOUNT_CREATED;
import static dev.rollcall.events.EventType.PERSON_CREATED;
import static dev.rollcall.events.EventType.PERSON_MERGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import org.junit.jupiter.api.Test;

/** An admin's decision on a match case (PersonOperations.decide), against the in-memory store. */
class CaseDecisionUnitTest {
    private final IdentityWorld w = new IdentityWorld();
    private final String employee = w.pushed(w.hr, "hr-1", Facts.named("Lee", "Wong").email("lee.wong@corp.com")
            .worker("W4").build());
    private final String holder = w.pushed(w.crm, "crm-1", Facts.named("Lee", "Wong").email("lwong@corp.com")
            .with("crmAccountId", "INITECH").build());
    private final MatchCaseView open = w.onlyOpenCase();

    @Test
    void linkingMergesTheHolderIntoTheChosenPersonAndClosesTheCase() {
        w.decide(open.id(), new CaseDecision.LinkTo(employee));

        assertThat(w.store.personOf("crm-1").id()).isEqualTo(employee);
        assertThat(w.person(holder).mergedIntoPk()).isEqualTo(w.person(employee).pk());
        assertThat(w.person(employee).golden().value("crmAccountId")).isEqualTo("INITECH");
        assertThat(w.store.matchCase(open.id())).get()
                .extracting(MatchCaseView::status, MatchCaseView::decision, MatchCaseView::decidedPersonId,
                        MatchCaseView::decidedBy)
                .containsExactly("decided", "link", employee, "admin:it-ops");
        assertThat(w.eventsOf(employee)).filteredOn(e -> e.type() == PERSON_MERGED).extracting(NewEvent::announced)
                .containsExactly(true);
        assertThat(w.eventsOf(holder)).filteredOn(e -> e.type() == PERSON_MERGED).extracting(NewEvent::announced)
                .containsExactly(false);
        assertThat(w.store.decisions()).extracting(MatchDecisionRecord::outcome).endsWith(MatchOutcome.MERGED,
                MatchOutcome.LINKED_BY_ADMIN);
        assertThat(w.store.audit()).extracting(a -> a.record().action()).containsExactly("person.merge", "match_case.decide");
    }

    @Test
    void aNewPersonDecisionPromotesTheHolderAndAnnouncesIt() {
        w.decide(open.id(), new CaseDecision.NewPerson());

        assertThat(w.person(holder)).extracting(PersonRow::provisional, PersonRow::state)
                .containsExactly(false, LifecycleState.ACTIVE);
        assertThat(w.eventsOf(holder)).extracting(NewEvent::type, NewEvent::announced)
                .containsExactly(tuple(ACCOUNT_CREATED, false), tuple(PERSON_CREATED, true));
        EventPayload.PersonCreated created = w.last(holder, PERSON_CREATED, EventPayload.PersonCreated.class);
        assertThat(created).extracting(EventPayload.PersonCreated::cause, EventPayload.PersonCreated::caseId)
                .containsExactly("match_case", open.id());
        assertThat(created.golden()).containsEntry("crmAccountId", "INITECH");
        assertThat(w.store.matchCase(open.id()).orElseThrow().decision()).isEqualTo("new_person");
    }

    @Test
    void ignoringLeavesTheAccountUnresolvedAndUnannounced() {
        w.decide(open.id(), new CaseDecision.Ignore());

        assertThat(w.person(holder).provisional()).isTrue();
        assertThat(w.eventsOf(holder)).noneMatch(NewEvent::announced);
        assertThat(w.store.decisions()).last().extracting(MatchDecisionRecord::outcome)
                .isEqualTo(MatchOutcome.IGNORED_BY_ADMIN);
        assertThat(w.store.openCases()).isEmpty();
    }

    @Test
    void decidingTwiceIsAConflictAndChangesNothing() {
        w.decide(open.id(), new CaseDecision.LinkTo(employee));
        int audits = w.store.audit().size();

        assertThatThrownBy(() -> w.decide(open.id(), new CaseDecision.NewPerson()))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.kind()).isEqualTo(IdentityException.Kind.CONFLICT))
                .hasMessageContaining("already decided (link)");
        assertThat(w.store.audit()).hasSize(audits);
        assertThat(w.person(holder).provisional()).isTrue();
    }

    @Test
    void anUnknownCaseOrChosenPersonIsNotFound() {
        assertThatThrownBy(() -> w.decide("case-nope", new CaseDecision.Ignore()))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.kind()).isEqualTo(IdentityException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> w.decide(open.id(), new CaseDecision.LinkTo("person-nobody")))
                .isInstanceOfSatisfying(IdentityException.class,
                        e -> assertThat(e.kind()).isEqualTo(IdentityException.Kind.NOT_FOUND))
                .hasMessageContaining("person-nobody");
        assertThat(w.store.openCases()).extracting(MatchCaseView::id).containsExactly(open.id());
    }

    @Test
    void aCaseWhoseHolderWasMergedAwayNeverAnnouncesThatPerson() {
        w.merge(employee, holder);

        try {
            w.decide(open.id(), new CaseDecision.NewPerson());
        } catch (IdentityException refused) {
            // refusing the decision is one right answer
        }

        assertThat(w.eventsOf(holder)).filteredOn(e -> e.type() == PERSON_CREATED).noneMatch(NewEvent::announced);
        assertThat(w.person(holder).state()).isNull();
    }

    @Test
    void aNewPersonDecisionOnACaseWhoseAccountWasDeletedAnnouncesNobody() {
        w.delete("crm-1");

        try {
            w.decide(open.id(), new CaseDecision.NewPerson());
        } catch (IdentityException refused) {
            // refusing, as a link decision does, is one right answer
        }

        assertThat(w.eventsOf(holder)).filteredOn(e -> e.type() == PERSON_CREATED).noneMatch(NewEvent::announced);
    }
}
