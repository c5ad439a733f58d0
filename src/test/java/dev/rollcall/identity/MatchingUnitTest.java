package dev.rollcall.identity;

import static dev.rollcall.events.EventType.PERSON_CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AccountResolution.Placement;
import dev.rollcall.identity.MatchResult.Strength;
import org.junit.jupiter.api.Test;

/**
 * Where a new account goes (AccountResolution.place with the Matcher), against the in-memory store.
 * Scores follow MatchPolicy.defaults(): definite 80, candidate 40; exact email 60, corporate +10,
 * alias 35, name 30.
 */
class MatchingUnitTest {
    private final IdentityWorld w = new IdentityWorld();

    private static Facts jane() {
        return Facts.named("Jane", "Doe").email("jane.doe@corp.com");
    }

    @Test
    void anHrisAccountWithAKnownWorkerIdLinksToThatPerson() {
        String person = w.pushed(w.hr, "hr-1", jane().worker("W1").build());
        Placement second = w.push(w.hr, "hr-2", Facts.named("Jane", "Doe").email("jdoe@corp.com").worker("W1").build());

        assertThat(second.outcome()).isEqualTo(MatchOutcome.LINKED);
        assertThat(second.match().strength()).isEqualTo(Strength.WORKER_ID);
        assertThat(second.person().id()).isEqualTo(person);
        assertThat(second.match().evidence()).extracting(Evidence::rule).containsExactly("worker.id");
        assertThat(w.store.accountsOf(person)).containsExactly("hr-1", "hr-2");
    }

    @Test
    void theSameWorkerIdPushedByAnotherSourceLinksAcrossSourcesWhateverElseItSays() {
        String person = w.pushed(w.hr, "hr-1", jane().worker("W2").build());
        Placement idp = w.push(w.idp, "idp-1", Facts.named("J.", "D.").email("jd@elsewhere.example")
                .employeeNumber("W2").build());

        assertThat(idp.match().strength()).isEqualTo(Strength.WORKER_ID);
        assertThat(idp.person().id()).isEqualTo(person);
        assertThat(w.person(person).provisional()).isFalse();
    }

    @Test
    void anExactCorporateEmailAndTheSameNameAreDefinite() {
        String person = w.pushed(w.hr, "hr-1", Facts.named("Ana", "Núñez").email("ana.nunez@corp.com").worker("W3").build());
        Placement idp = w.push(w.idp, "idp-1", Facts.named("ana", "Nunez").email("Ana.Nunez+okta@corp.com").build());

        assertThat(idp.outcome()).isEqualTo(MatchOutcome.LINKED);
        assertThat(idp.match().strength()).isEqualTo(Strength.DEFINITE);
        assertThat(idp.match().score()).isEqualTo(100);
        assertThat(idp.match().evidence()).extracting(Evidence::rule)
                .containsExactly("email.exact", "email.corporate", "name");
        assertThat(idp.person().id()).isEqualTo(person);
    }

    @Test
    void weakEvidenceBetweenTheThresholdsOpensACaseOnAnUnannouncedProvisionalHolder() {
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Lee", "Wong").email("lee.wong@corp.com").worker("W4").build());
        Placement crm = w.push(w.crm, "crm-1", Facts.named("Lee", "Wong").email("lwong@corp.com").build());

        assertThat(crm.outcome()).isEqualTo(MatchOutcome.CASE);
        assertThat(crm.match().score()).isEqualTo(65);
        String holder = crm.person().id();
        assertThat(holder).isNotEqualTo(employee);
        assertThat(w.person(holder).provisional()).isTrue();
        assertThat(w.person(holder).state()).isNull();
        assertThat(w.eventsOf(holder)).isNotEmpty().noneMatch(dev.rollcall.events.NewEvent::announced);
        assertThat(w.types(holder)).doesNotContain(PERSON_CREATED);

        MatchCaseView open = w.onlyOpenCase();
        assertThat(open.accountId()).isEqualTo("crm-1");
        assertThat(open.holdingPersonId()).isEqualTo(holder);
        assertThat(open.candidates()).extracting(MatchCaseView.MatchCandidateView::personId).containsExactly(employee);
        assertThat(open.candidates().get(0).evidence()).extracting(Evidence::rule).containsExactly("email.alias", "name");
        assertThat(w.store.decisions()).last().extracting(MatchDecisionRecord::outcome, MatchDecisionRecord::caseId)
                .containsExactly(MatchOutcome.CASE, open.id());
    }

    @Test
    void belowTheCandidateThresholdASourceThatMayCreatePersonsMakesANewOne() {
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Sam", "Stone").email("sam.stone@corp.com").worker("W5").build());
        Placement crm = w.push(w.crm, "crm-1", Facts.named("Sam", "Stone").email("sam@customer.example").build());

        assertThat(crm.outcome()).isEqualTo(MatchOutcome.NEW_PERSON);
        assertThat(crm.match().score()).isEqualTo(30);
        assertThat(crm.person().id()).isNotEqualTo(employee);
        assertThat(w.person(crm.person().id())).extracting(PersonRow::provisional, PersonRow::state)
                .containsExactly(false, LifecycleState.ACTIVE);
        assertThat(w.store.openCases()).isEmpty();
    }

    @Test
    void belowTheCandidateThresholdASourceThatMayNotCreatePersonsParksTheAccountUnresolved() {
        w.pushed(w.hr, "hr-1", Facts.named("Sam", "Stone").email("sam.stone@corp.com").worker("W5").build());
        Placement idp = w.push(w.idp, "idp-1", Facts.named("Sam", "Stone").email("sam@customer.example").build());

        assertThat(idp.outcome()).isEqualTo(MatchOutcome.UNRESOLVED);
        assertThat(w.person(idp.person().id())).extracting(PersonRow::provisional, PersonRow::state)
                .containsExactly(true, null);
        assertThat(w.store.openCases()).isEmpty();
    }

    @Test
    void anEmailAloneNeverLinksItOnlyOpensACase() {
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Corinne", "Lang").email("c.lang@corp.com").worker("W6").build());
        Placement idp = w.push(w.idp, "idp-1", Facts.named("Cory", "L.").email("C.Lang@corp.com").build());

        assertThat(idp.outcome()).isEqualTo(MatchOutcome.CASE);
        assertThat(idp.match().score()).isEqualTo(70); // email 60 + corporate 10 < definite 80
        assertThat(idp.person().id()).isNotEqualTo(employee);
        assertThat(w.store.accountsOf(employee)).containsExactly("hr-1");
    }

    @Test
    void aSourceDeclaredCorrelationAttributeMakesThatEmailAStrongKey() {
        Source correlating = w.store.setCorrelationAttribute(w.idp.id(), "email");
        String employee = w.pushed(w.hr, "hr-1", Facts.named("Corinne", "Lang").email("c.lang@corp.com").worker("W6").build());
        Placement idp = w.push(correlating, "idp-1", Facts.named("Cory", "L.").email("C.Lang@corp.com").build());

        assertThat(idp.match().strength()).isEqualTo(Strength.CORRELATION);
        assertThat(idp.match().evidence()).extracting(Evidence::rule).containsExactly("correlation.email");
        assertThat(idp.person().id()).isEqualTo(employee);
    }

    @Test
    void aDifferentWorkerIdVetoesEvenAnExactEmailAndName() {
        String first = w.pushed(w.hr, "hr-1", Facts.named("Tom", "Twin").email("tom.twin@corp.com").worker("W7").build());
        Placement twin = w.push(w.hr, "hr-2", Facts.named("Tom", "Twin").email("tom.twin+2@corp.com").worker("W8").build());
        Placement idp = w.push(w.idp, "idp-1", Facts.named("Tom", "Twin").email("tom.twin@corp.com")
                .employeeNumber("E-99").build());

        assertThat(twin.outcome()).isEqualTo(MatchOutcome.NEW_PERSON);
        assertThat(twin.person().id()).isNotEqualTo(first);
        assertThat(twin.match().candidates()).isEmpty();
        assertThat(idp.outcome()).isEqualTo(MatchOutcome.UNRESOLVED);
        assertThat(idp.person().id()).isNotIn(first, twin.person().id());
    }

    @Test
    void twoEquallyStrongCandidatesAreATieThatOpensACaseNamingBoth() {
        String a = w.pushed(w.hr, "hr-1", Facts.named("Tom", "Twin").email("tom.twin@corp.com").worker("W7").build());
        String b = w.pushed(w.hr, "hr-2", Facts.named("Tom", "Twin").email("tom.twin@corp.com").worker("W8").build());
        Placement idp = w.push(w.idp, "idp-1", Facts.named("Tom", "Twin").email("tom.twin@corp.com").build());

        assertThat(idp.match().strength()).isEqualTo(Strength.CANDIDATE);
        assertThat(idp.match().score()).isEqualTo(100);
        assertThat(w.onlyOpenCase().candidates()).extracting(MatchCaseView.MatchCandidateView::personId)
                .containsExactly(a, b);
    }

    @Test
    void workerIdsPushedAsEmployeeNumbersAlsoVetoWeakEvidence() {
        String first = w.pushed(w.hr, "hr-1", Facts.named("Tom", "Twin").email("tom.twin@corp.com").employeeNumber("E1").build());
        Placement second = w.push(w.hr, "hr-2", Facts.named("Tom", "Twin").email("tom.twin@corp.com")
                .employeeNumber("E2").build());

        assertThat(second.person().id()).isNotEqualTo(first);
        assertThat(w.store.workerOwner("E2")).contains(second.person().id());
    }
}
