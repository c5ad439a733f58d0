package dev.rollcall.identity;

import static dev.rollcall.events.EventType.ACCOUNT_LINKED;
import static dev.rollcall.events.EventType.ACCOUNT_UPDATED;
import static dev.rollcall.events.EventType.PERSON_CREATED;
import static dev.rollcall.events.EventType.PERSON_MERGED;
import static dev.rollcall.events.EventType.PERSON_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import org.junit.jupiter.api.Test;

/** A changed account parked on a provisional person is matched again (AccountResolution.changed). */
class ParkedAccountUnitTest {
    private final IdentityWorld w = new IdentityWorld();

    @Test
    void aChangedParkedAccountThatNowMatchesIsRelinkedAndItsHolderMergedAwayUnannounced() {
        Facts early = Facts.named("Joe", "Early").email("joe.personal@mail.example").userName("joe.early@corp.com");
        String parked = w.pushed(w.idp, "idp-1", early.build());
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Joseph", "Early").email("joseph.early@corp.com")
                .worker("W250").build());
        assertThat(employee).isNotEqualTo(parked);

        PersonRef after = w.change("idp-1", early.employeeNumber("W250").build());

        assertThat(after.id()).isEqualTo(employee);
        assertThat(w.store.accountsOf(employee)).containsExactly("idp-1", "hr-1");
        assertThat(w.types(employee)).endsWith(ACCOUNT_LINKED, PERSON_UPDATED);
        EventPayload.AccountLinked linked = w.last(employee, ACCOUNT_LINKED, EventPayload.AccountLinked.class);
        assertThat(linked.resolution().evidence()).extracting(EventPayload.Evidence::rule).containsExactly("worker.id");
        assertThat(w.person(employee).golden().value("userName")).isEqualTo("joe.early@corp.com");
        assertThat(w.person(parked).mergedIntoPk()).isEqualTo(w.person(employee).pk());
        assertThat(w.types(parked)).doesNotContain(PERSON_CREATED, PERSON_MERGED);
        assertThat(w.eventsOf(parked)).noneMatch(NewEvent::announced);
        assertThat(w.store.decisions()).last().extracting(MatchDecisionRecord::outcome, MatchDecisionRecord::actor)
                .containsExactly(MatchOutcome.LINKED, "resolution");
    }

    @Test
    void aParkedAccountWithAnOpenCaseWaitsForTheDecision() {
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Lee", "Wong").email("lee.wong@corp.com").worker("W4").build());
        String holder = w.pushed(w.crm, "crm-1", Facts.named("Lee", "Wong").email("lwong@corp.com").build());

        PersonRef after = w.change("crm-1", Facts.named("Lee", "Wong").email("lwong@corp.com").worker("W4").build());

        assertThat(after.id()).isEqualTo(holder);
        assertThat(w.store.workerOwner("W4")).contains(employee);
        assertThat(w.types(holder)).last().isEqualTo(ACCOUNT_UPDATED);
        assertThat(w.onlyOpenCase().holdingPersonId()).isEqualTo(holder);
    }

    @Test
    void relinkingOneOfTwoParkedAccountsLeavesNoAccountOnAMergedPerson() {
        Facts joe = Facts.named("Joe", "Early").email("joe@mail.example");
        String holder = w.pushed(w.idp, "idp-1", joe.build());
        assertThat(w.pushed(w.idp, "idp-2", joe.build())).isEqualTo(holder);
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Joseph", "Early").email("joseph.early@corp.com")
                .worker("W1").build());

        w.change("idp-1", Facts.named("Joe", "Early").email("joe@mail.example").employeeNumber("W1").build());

        assertThat(w.store.personOf("idp-1").id()).isEqualTo(employee);
        boolean merged = w.person(holder).mergedIntoPk() != null;
        assertThat(merged && !w.store.accountsOf(holder).isEmpty())
                .as("holder merged=%s still holds %s", merged, w.store.accountsOf(holder)).isFalse();
        assertThat(w.person(w.pushed(w.idp, "idp-3", joe.build())).mergedIntoPk())
                .as("a new account is never linked to a merged person").isNull();
    }
}
