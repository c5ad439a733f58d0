package dev.rollcall.identity;

import static dev.rollcall.identity.Pushes.crmAccount;
import static dev.rollcall.identity.Pushes.golden;
import static dev.rollcall.identity.Pushes.goldenValue;
import static dev.rollcall.identity.Pushes.personId;
import static dev.rollcall.identity.Pushes.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dual identity (employee + CRM contact), match cases and their decisions, merge and unmerge, timeline. */
class DualIdentityAndCasesTest {
    static final Actor ADMIN = Actor.of(new Caller.AdminCaller("it-ops", AdminScope.WRITE).auditName());
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("salesforce", SourceKind.CRM)
            .env("ROLLCALL_CORPORATE_DOMAINS", "corp.com")
            .build();
    static Pushes push;
    @Token("workday") static String hr;
    @Token("salesforce") static String crm;

    @BeforeAll
    static void fixtures() {
        push = new Pushes(server.server());
    }

    @Test
    void crmContactOfAnEmployeeIsAnExternalPersonaOfTheSamePersonAndOutlivesTermination() {
        ObjectNode employee = worker(push.user("dana.hr", "Dana", "Cruz", "dana.cruz@corp.com"), "W700").put("title", "Engineer");
        JsonNode h = push.create(hr, employee);
        JsonNode c = push.create(crm, crmAccount(push.user("dana.contact", "Dana", "Cruz", "dana.cruz@corp.com"),
                "ACME-1").put("title", "Buyer"));

        String person = personId(h);
        assertThat(personId(c)).isEqualTo(person);
        PersonDetail p = push.person(person);
        assertThat(p.personas()).extracting(Persona::kind).containsExactlyInAnyOrder(Persona.Kind.EMPLOYEE, Persona.Kind.EXTERNAL);
        Persona external = p.personas().stream().filter(x -> x.kind() == Persona.Kind.EXTERNAL).findFirst().orElseThrow();
        assertThat(external.crmAccountId()).isEqualTo("ACME-1");
        assertThat(golden(p, "crmAccountId")).isEqualTo("ACME-1");
        assertThat(goldenValue(p, "crmAccountId").provenance().accountId()).isEqualTo(c.get("id").asText());
        assertThat(golden(p, "title")).isEqualTo("Engineer");
        assertThat(push.eventTypes(person)).filteredOn("person.created"::equals).hasSize(1);

        // HR terminates: the employee persona ends, the external persona stays active
        push.replace(hr, h.get("id").asText(), employee.put("active", false));
        p = push.person(person);
        assertThat(p.personas()).filteredOn(x -> x.kind() == Persona.Kind.EMPLOYEE).extracting(Persona::active).containsExactly(false);
        assertThat(p.personas()).filteredOn(x -> x.kind() == Persona.Kind.EXTERNAL).extracting(Persona::active).containsExactly(true);
    }

    @Test
    void crmContactWithNoEmployeeIsANewExternalPerson() {
        JsonNode c = push.create(crm, crmAccount(push.user("pat.customer", "Pat", "Buyer", "pat@customer.example"), "GLOBEX"));
        PersonDetail p = push.person(personId(c));
        assertThat(p.provisional()).isFalse();
        assertThat(p.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(p.personas()).extracting(Persona::kind).containsExactly(Persona.Kind.EXTERNAL);
        assertThat(push.eventTypes(p.id())).containsExactly("person.created", "account.created");
        assertThat(push.lastEvent(p.id(), "person.created").at("/golden/crmAccountId").asText()).isEqualTo("GLOBEX");
    }

    @Test
    void ambiguousMatchOpensACaseThatAnAdminLinksToTheEmployee() {
        JsonNode h = push.create(hr, worker(push.user("lee.hr", "Lee", "Wong", "lee.wong@corp.com"), "W800"));
        JsonNode c = push.create(crm, crmAccount(push.user("lee.contact", "Lee", "Wong", "lwong@corp.com"), "INITECH"));

        String holder = personId(c);
        assertThat(holder).isNotEqualTo(personId(h));
        assertThat(push.person(holder).provisional()).isTrue();
        assertThat(push.eventTypes(holder)).doesNotContain("person.created");
        MatchCaseView open = onlyOpenCaseFor(c.get("id").asText());
        assertThat(open.score()).isEqualTo(65);
        assertThat(open.candidates()).extracting(MatchCaseView.MatchCandidateView::personId).containsExactly(personId(h));
        assertThat(open.candidates().get(0).evidence()).extracting(Evidence::rule).containsExactly("email.alias", "name");
        assertThat(push.person(personId(h)).openCaseIds()).contains(open.id());

        MatchCaseView decided = push.admin().decide(ADMIN, open.id(), new CaseDecision.LinkTo(personId(h)));
        assertThat(decided.status()).isEqualTo("decided");
        assertThat(decided.decision()).isEqualTo("link");
        assertThat(personId(server.get("/scim/v2/Users/" + c.get("id").asText(), crm).jsonBody())).isEqualTo(personId(h));
        PersonDetail p = push.person(personId(h));
        assertThat(p.personas()).extracting(Persona::kind).containsExactlyInAnyOrder(Persona.Kind.EMPLOYEE, Persona.Kind.EXTERNAL);
        assertThat(golden(p, "crmAccountId")).isEqualTo("INITECH");
        assertThat(p.openCaseIds()).isEmpty();
        assertThat(push.eventTypes(p.id())).contains("person.merged", "person.updated");
        assertThat(push.admin().timeline(p.id())).extracting(TimelineEntry::type)
                .contains("match.new_person", "match.case", "match.merged", "match.linked_by_admin");
        assertThatThrownBy(() -> push.admin().decide(ADMIN, open.id(), new CaseDecision.Ignore()))
                .isInstanceOf(IdentityException.class).hasMessageContaining("already decided");
    }

    @Test
    void ambiguousMatchDecidedAsANewPersonAnnouncesThatPerson() {
        push.create(hr, worker(push.user("max.hr", "Max", "Roy", "max.roy@corp.com"), "W900"));
        JsonNode c = push.create(crm, crmAccount(push.user("max.contact", "Max", "Roy", "mroy@corp.com"), "UMBRELLA"));
        MatchCaseView open = onlyOpenCaseFor(c.get("id").asText());

        push.admin().decide(ADMIN, open.id(), new CaseDecision.NewPerson());
        PersonDetail p = push.person(personId(c));
        assertThat(p.provisional()).isFalse();
        assertThat(p.state()).isEqualTo(LifecycleState.ACTIVE);
        assertThat(push.eventTypes(p.id())).containsExactly("account.created", "person.created");
        assertThat(push.admin().timeline(p.id())).extracting(TimelineEntry::type)
                .contains("match.case", "match.new_person_by_admin");
    }

    @Test
    void ignoredCaseLeavesTheAccountUnresolved() {
        push.create(hr, worker(push.user("ivy.hr", "Ivy", "Tan", "ivy.tan@corp.com"), "W950"));
        JsonNode c = push.create(crm, push.user("ivy.contact", "Ivy", "Tan", "itan@corp.com"));
        MatchCaseView open = onlyOpenCaseFor(c.get("id").asText());
        assertThat(push.admin().decide(ADMIN, open.id(), new CaseDecision.Ignore()).decision()).isEqualTo("ignore");
        assertThat(push.person(personId(c)).provisional()).isTrue();
    }

    @Test
    void mergeThenUnmergeAreAuditedEmitEventsAndUndoEachOther() {
        JsonNode a = push.create(hr, worker(push.user("merge.a", "Alex", "Moss", "alex.moss@corp.com"), "W1000"));
        JsonNode b = push.create(crm, push.user("merge.b", "Al", "Moss-Smith", "al@elsewhere.example"));
        String survivor = personId(a);
        String merged = personId(b);
        assertThat(merged).isNotEqualTo(survivor);

        PersonDetail after = push.admin().merge(ADMIN, survivor, merged);
        assertThat(after.id()).isEqualTo(survivor);
        assertThat(after.accounts()).extracting(LinkedAccount::id).containsExactly(a.get("id").asText(), b.get("id").asText());
        assertThat(push.person(merged).mergedIntoId()).isEqualTo(survivor);
        JsonNode mergedEvent = push.lastEvent(survivor, "person.merged");
        assertThat(mergedEvent.get("survivorId").asText()).isEqualTo(survivor);
        assertThat(mergedEvent.get("mergedId").asText()).isEqualTo(merged);
        assertThat(push.eventTypes(merged)).contains("person.merged");
        assertThat(auditActions(survivor)).contains("person.merge");

        PersonDetail split = push.admin().unmerge(ADMIN, survivor, b.get("id").asText());
        assertThat(split.id()).isNotIn(survivor, merged);
        assertThat(split.accounts()).extracting(LinkedAccount::id).containsExactly(b.get("id").asText());
        assertThat(push.person(survivor).accounts()).extracting(LinkedAccount::id).containsExactly(a.get("id").asText());
        JsonNode unmerged = push.lastEvent(survivor, "person.unmerged");
        assertThat(unmerged.get("newPersonId").asText()).isEqualTo(split.id());
        assertThat(unmerged.get("accountId").asText()).isEqualTo(b.get("id").asText());
        assertThat(push.eventTypes(split.id())).startsWith("person.created");
        assertThat(auditActions(survivor)).contains("person.unmerge");

        // and merge undoes the unmerge
        push.admin().merge(ADMIN, survivor, split.id());
        assertThat(push.person(survivor).accounts()).hasSize(2);
        List<TimelineEntry> timeline = push.admin().timeline(survivor);
        assertThat(timeline).extracting(TimelineEntry::type)
                .contains("account.created", "match.new_person", "person.merged", "person.merge", "person.unmerged",
                        "person.unmerge");
        assertThat(timeline).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::at));
    }

    @Test
    void mergeRefusesUnknownOrSamePersons() {
        JsonNode a = push.create(hr, worker(push.user("solo", "Solo", "One", "solo@corp.com"), "W1100"));
        assertThatThrownBy(() -> push.admin().merge(ADMIN, personId(a), personId(a)))
                .isInstanceOf(IdentityException.class).extracting("kind").isEqualTo(IdentityException.Kind.INVALID);
        assertThatThrownBy(() -> push.admin().merge(ADMIN, personId(a), "00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(IdentityException.class).extracting("kind").isEqualTo(IdentityException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> push.admin().unmerge(ADMIN, personId(a), a.get("id").asText()))
                .isInstanceOf(IdentityException.class).hasMessageContaining("only account");
    }

    private static MatchCaseView onlyOpenCaseFor(String accountId) {
        List<MatchCaseView> cases = push.admin().matchCases("open", 100, null).stream()
                .filter(mc -> mc.accountId().equals(accountId)).toList();
        assertThat(cases).hasSize(1);
        return push.admin().matchCase(cases.get(0).id());
    }

    private static List<String> auditActions(String personId) {
        return server.services().database().dsl()
                .resultQuery("select action from audit where target_type = 'person' and target_id = ? order by seq", personId)
                .fetch(0, String.class);
    }
}
