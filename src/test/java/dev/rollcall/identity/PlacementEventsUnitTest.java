package dev.rollcall.identity;

import static dev.rollcall.events.EventType.ACCOUNT_CREATED;
import static dev.rollcall.events.EventType.ACCOUNT_DELETED;
import static dev.rollcall.events.EventType.ACCOUNT_UPDATED;
import static dev.rollcall.events.EventType.PERSON_CREATED;
import static dev.rollcall.events.EventType.PERSON_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.MatchResult.Strength;
import org.junit.jupiter.api.Test;

/** The events and decisions that follow an account's create, change and delete (AccountResolution). */
class PlacementEventsUnitTest {
    private final IdentityWorld w = new IdentityWorld();

    @Test
    void aNewPersonIsAnnouncedWithPersonCreatedThenAccountCreatedInConsecutiveSequence() {
        String person = w.pushed(w.hr, "hr-1", Facts.named("Dana", "Cruz").email("dana.cruz@corp.com").worker("W1")
                .department("Finance").build());

        assertThat(w.eventsOf(person)).extracting(NewEvent::type, NewEvent::personSeq, NewEvent::announced,
                NewEvent::sourceId).containsExactly(tuple(PERSON_CREATED, 1L, true, w.hr.id()),
                tuple(ACCOUNT_CREATED, 2L, true, w.hr.id()));
        assertThat(w.last(person, PERSON_CREATED, EventPayload.PersonCreated.class).golden())
                .containsEntry("department", "Finance").containsEntry("workerId", "W1");
        assertThat(w.last(person, ACCOUNT_CREATED, EventPayload.AccountCreated.class).resolution().outcome())
                .isEqualTo("new_person");
        assertThat(w.person(person).eventSeq()).isEqualTo(2);
        assertThat(w.store.decisions()).extracting(MatchDecisionRecord::outcome, MatchDecisionRecord::actor)
                .containsExactly(tuple(MatchOutcome.NEW_PERSON, "source:workday"));
    }

    @Test
    void aLinkedAccountAddsAccountCreatedAndThePersonsGoldenChangeAsPersonUpdated() {
        String person = w.pushed(w.hr, "hr-1", Facts.named("Dana", "Cruz").email("dana.cruz@corp.com").worker("W1").build());
        w.push(w.crm, "crm-1", Facts.named("Dana", "Cruz").email("dana.cruz@corp.com").with("crmAccountId", "ACME-1").build());

        assertThat(w.types(person)).containsExactly(PERSON_CREATED, ACCOUNT_CREATED, ACCOUNT_CREATED, PERSON_UPDATED);
        EventPayload.PersonUpdated updated = w.last(person, PERSON_UPDATED, EventPayload.PersonUpdated.class);
        assertThat(updated.cause()).isEqualTo("account.created");
        assertThat(updated.changes()).contains(new EventPayload.AttributeChange("crmAccountId", null, "ACME-1"));
        assertThat(w.eventsOf(person)).extracting(NewEvent::personSeq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(w.store.decisions()).extracting(MatchDecisionRecord::outcome)
                .containsExactly(MatchOutcome.NEW_PERSON, MatchOutcome.LINKED);
    }

    @Test
    void theEventsOfAProvisionalPersonAreLoggedButNeverAnnounced() {
        String parked = w.pushed(w.idp, "idp-1", Facts.named("Gus", "Ghost").email("ghost@corp.com").build());

        assertThat(w.eventsOf(parked)).extracting(NewEvent::type, NewEvent::announced)
                .containsExactly(tuple(ACCOUNT_CREATED, false));
        assertThat(w.last(parked, ACCOUNT_CREATED, EventPayload.AccountCreated.class).resolution().outcome())
                .isEqualTo("unresolved");
    }

    @Test
    void aLaterHrisPushWithTheWorkerIdPromotesTheProvisionalPersonAndAnnouncesIt() {
        String parked = w.pushed(w.idp, "idp-1", Facts.named("Joe", "Early").email("joe@mail.example")
                .employeeNumber("W9").build());
        assertThat(w.store.workerOwner("W9")).contains(parked);

        AccountResolution.Placement hr = w.push(w.hr, "hr-1", Facts.named("Joseph", "Early").email("joseph.early@corp.com")
                .worker("W9").department("Legal").build());

        assertThat(hr.person().id()).isEqualTo(parked);
        assertThat(hr.match().strength()).isEqualTo(Strength.WORKER_ID);
        assertThat(w.person(parked)).extracting(PersonRow::provisional, PersonRow::state)
                .containsExactly(false, LifecycleState.ACTIVE);
        assertThat(w.eventsOf(parked)).extracting(NewEvent::type, NewEvent::personSeq, NewEvent::announced)
                .containsExactly(tuple(ACCOUNT_CREATED, 1L, false), tuple(PERSON_CREATED, 2L, true),
                        tuple(ACCOUNT_CREATED, 3L, true));
        assertThat(w.last(parked, PERSON_CREATED, EventPayload.PersonCreated.class).golden())
                .containsEntry("department", "Legal");
    }

    @Test
    void aChangedAccountStaysWithItsPersonAndItsNewEmailFindsThatPerson() {
        String person = w.pushed(w.hr, "hr-1", Facts.named("Eve", "Stone").email("eve.stone@corp.com").worker("W5").build());

        PersonRef after = w.change("hr-1", Facts.named("Eve", "Stone").email("eve.married@corp.com").worker("W5").build());

        assertThat(after.id()).isEqualTo(person);
        assertThat(w.types(person)).endsWith(ACCOUNT_UPDATED, PERSON_UPDATED);
        assertThat(w.last(person, PERSON_UPDATED, EventPayload.PersonUpdated.class).changes())
                .contains(new EventPayload.AttributeChange("email", "eve.stone@corp.com", "eve.married@corp.com"));
        assertThat(w.pushed(w.idp, "idp-1", Facts.named("Eve", "Stone").email("eve.married@corp.com").build()))
                .isEqualTo(person);
        assertThat(w.push(w.idp, "idp-2", Facts.named("Eva", "Stein").email("eve.stone@corp.com").build()).outcome())
                .as("the old address is no longer a key").isEqualTo(MatchOutcome.UNRESOLVED);
    }

    @Test
    void deletingAnAccountFallsBackToTheWeakerValueAndKeepsTheWorkerIdForARehire() {
        String person = w.pushed(w.hr, "hr-1", Facts.named("Kim", "Park").email("kim.park@corp.com").worker("W3")
                .department("Finance").build());
        w.push(w.idp, "idp-1", Facts.named("Kim", "Park").email("kim.park@corp.com").employeeNumber("W3")
                .department("Sales").build());
        assertThat(w.person(person).golden().value("department")).isEqualTo("Finance");

        w.delete("hr-1");

        assertThat(w.types(person)).endsWith(ACCOUNT_DELETED, PERSON_UPDATED);
        EventPayload.PersonUpdated updated = w.last(person, PERSON_UPDATED, EventPayload.PersonUpdated.class);
        assertThat(updated.cause()).isEqualTo("account.deleted");
        assertThat(updated.changes()).contains(new EventPayload.AttributeChange("department", "Finance", "Sales"));
        assertThat(w.store.workerOwner("W3")).contains(person);
        assertThat(w.pushed(w.hr, "hr-2", Facts.named("Kim", "Park").email("kim.p@corp.com").worker("W3").build()))
                .isEqualTo(person);
    }
}
