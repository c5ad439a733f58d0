package dev.rollcall.identity;

import static dev.rollcall.identity.Pushes.enterprise;
import static dev.rollcall.identity.Pushes.golden;
import static dev.rollcall.identity.Pushes.goldenValue;
import static dev.rollcall.identity.Pushes.manager;
import static dev.rollcall.identity.Pushes.personId;
import static dev.rollcall.identity.Pushes.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resolution over HTTP: strong keys, weak evidence, authority and provenance, rehire, email change. */
class ResolutionScenariosTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("okta", SourceKind.IDP)
            .source("salesforce", SourceKind.CRM)
            .env("ROLLCALL_CORPORATE_DOMAINS", "corp.com")
            .adminToken("it", AdminScope.WRITE)
            .build();
    static Pushes push;
    @Token("workday") static String hr;
    @Token("okta") static String idp;
    @Token("salesforce") static String crm;
    @Token("it") static String admin;

    @BeforeAll
    static void fixtures() {
        push = new Pushes(server.server());
    }

    @Test
    void duplicateHrisWorkerIsOnePersonWithPrimaryAndSecondaryManager() {
        ObjectNode first = manager(enterprise(worker(push.user("jane.doe", "Jane", "Doe", "jane.doe@corp.com"), "W100"),
                "department", "Finance"), "M-1", true);
        ObjectNode second = manager(enterprise(worker(push.user("jdoe", "Jane", "Doe", "jdoe@corp.com"), "W100"),
                "department", "Finance"), "M-2", null);
        JsonNode a = push.create(hr, first);
        JsonNode b = push.create(hr, second);

        assertThat(personId(b)).isEqualTo(personId(a));
        PersonDetail p = push.person(personId(a));
        assertThat(p.accounts()).hasSize(2);
        assertThat(golden(p, "manager")).isEqualTo("M-1");
        assertThat(goldenValue(p, "manager").provenance().accountId()).isEqualTo(a.get("id").asText());
        assertThat(golden(p, "manager.secondary")).isEqualTo("M-2");
        assertThat(golden(p, "workerId")).isEqualTo("W100");
        assertThat(push.eventTypes(p.id())).containsExactly("person.created", "account.created", "account.created",
                "person.updated");
        JsonNode linked = push.lastEvent(p.id(), "account.created").get("resolution");
        assertThat(linked.get("outcome").asText()).isEqualTo("linked");
        assertThat(linked.at("/evidence/0/rule").asText()).isEqualTo("worker.id");
        assertThat(push.lastEvent(p.id(), "person.updated").toString()).contains("manager.secondary").contains("M-2");
    }

    @Test
    void hrisAndIdpAccountsOfOneEmployeeLinkByWorkerIdAcrossSources() {
        JsonNode h = push.create(hr, enterprise(worker(push.user("sam.hr", "Sam", "Lee", "sam.lee@corp.com"), "W200"),
                "department", "Legal"));
        JsonNode i = push.create(idp, enterprise(push.user("slee@corp.com", "Sam", "Lee", "sam.lee@corp.com"),
                "employeeNumber", "W200"));

        assertThat(personId(i)).isEqualTo(personId(h));
        PersonDetail p = push.person(personId(h));
        // userName: idp > hris; department: hris
        assertThat(golden(p, "userName")).isEqualTo("slee@corp.com");
        assertThat(goldenValue(p, "userName").provenance().accountId()).isEqualTo(i.get("id").asText());
        assertThat(golden(p, "department")).isEqualTo("Legal");
        assertThat(p.personas()).extracting(Persona::kind)
                .containsExactlyInAnyOrder(Persona.Kind.EMPLOYEE, Persona.Kind.WORKFORCE);
    }

    @Test
    void idpAccountWithoutWorkerIdLinksOnStrongEmailAndNameEvidence() {
        JsonNode h = push.create(hr, worker(push.user("ana.hr", "Ana", "Núñez", "ana.nunez@corp.com"), "W210"));
        JsonNode i = push.create(idp, push.user("ANA.NUNEZ@corp.com", "ana", "Nunez", "Ana.Nunez+okta@corp.com"));

        assertThat(personId(i)).isEqualTo(personId(h));
        JsonNode resolution = push.lastEvent(personId(h), "account.created").get("resolution");
        assertThat(resolution.get("strength").asText()).isEqualTo("definite");
        assertThat(resolution.get("score").asInt()).isEqualTo(100);
        assertThat(resolution.get("evidence").toString()).contains("email.exact").contains("email.corporate")
                .contains("\"name\"");
    }

    @Test
    void idpAccountNobodyMatchesWaitsUnresolvedBecauseIdpMayNotCreatePersons() {
        JsonNode i = push.create(idp, push.user("ghost@corp.com", "Gus", "Ghost", "ghost@corp.com"));
        PersonDetail p = push.person(personId(i));
        assertThat(p.provisional()).isTrue();
        // a provisional person has no lifecycle state: pending means a future start only
        assertThat(p.state()).isNull();
        assertThat(push.eventTypes(p.id())).doesNotContain("person.created");
        assertThat(push.lastEvent(p.id(), "account.created").at("/resolution/outcome").asText()).isEqualTo("unresolved");
    }

    @Test
    void parkedIdpAccountResolvesWhenALaterPushCarriesTheWorkerId() {
        ObjectNode early = push.user("joe.early@corp.com", "Joe", "Early", "joe.personal@mail.example");
        JsonNode i = push.create(idp, early);
        String parked = personId(i);
        assertThat(push.person(parked).provisional()).isTrue();
        JsonNode h = push.create(hr, worker(push.user("joe.hr", "Joseph", "Early", "joseph.early@corp.com"), "W250"));
        assertThat(personId(h)).isNotEqualTo(parked);

        JsonNode updated = push.replace(idp, i.get("id").asText(), enterprise(early, "employeeNumber", "W250"));
        assertThat(personId(updated)).isEqualTo(personId(h));
        PersonDetail p = push.person(personId(h));
        assertThat(p.personas()).extracting(Persona::kind).containsExactlyInAnyOrder(Persona.Kind.EMPLOYEE, Persona.Kind.WORKFORCE);
        assertThat(golden(p, "userName")).isEqualTo("joe.early@corp.com");
        assertThat(push.lastEvent(p.id(), "account.linked").at("/resolution/evidence/0/rule").asText()).isEqualTo("worker.id");
        assertThat(push.person(parked).mergedIntoId()).isEqualTo(p.id());
        assertThat(push.eventTypes(parked)).doesNotContain("person.created", "person.merged");
    }

    @Test
    void aSourceDeclaredCorrelationAttributeIsAStrongKeyUntilItIsCleared() {
        String ldap = server.addSource("ldap", SourceKind.IDP);
        // the source's token is used (and its source cached) before the declaration: the change must still apply
        push.create(ldap, push.user("early", "Early", "Bird", "early.bird@elsewhere.example"));
        HttpResult declared = server.patch("/api/v1/sources/ldap", admin, "{\"correlationAttribute\":\"email\"}");
        assertThat(declared.status()).isEqualTo(200);
        assertThat(declared.jsonBody().get("correlationAttribute").asText()).isEqualTo("email");
        JsonNode h = push.create(hr, worker(push.user("cor.hr", "Corinne", "Lang", "c.lang@corp.com"), "W260"));
        // a different name: weak evidence alone would only reach a case (email 60 + corporate 10)
        JsonNode i = push.create(ldap, push.user("cl", "Cory", "L.", "C.Lang@corp.com"));

        assertThat(personId(i)).isEqualTo(personId(h));
        JsonNode resolution = push.lastEvent(personId(h), "account.created").get("resolution");
        assertThat(resolution.get("strength").asText()).isEqualTo("correlation");
        assertThat(resolution.at("/evidence/0/rule").asText()).isEqualTo("correlation.email");

        HttpResult cleared = server.patch("/api/v1/sources/ldap", admin, "{\"correlationAttribute\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.jsonBody().get("correlationAttribute").isNull()).isTrue();
        JsonNode h2 = push.create(hr, worker(push.user("max.hr", "Maxine", "Roe", "m.roe@corp.com"), "W261"));
        JsonNode i2 = push.create(ldap, push.user("mr", "Max", "R.", "M.Roe@corp.com"));
        assertThat(personId(i2)).isNotEqualTo(personId(h2));
    }

    @Test
    void anAttributeThatCannotCorrelateIsRefusedAndChangesNothing() {
        server.addSource("ldap-2", SourceKind.IDP);
        HttpResult refused = server.patch("/api/v1/sources/ldap-2", admin, "{\"correlationAttribute\":\"department\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("correlationAttribute");
        assertThat(server.get("/api/v1/sources/ldap-2", admin).jsonBody().get("correlationAttribute").isNull()).isTrue();
        assertThat(server.patch("/api/v1/sources/nowhere", admin, "{\"correlationAttribute\":\"email\"}").status())
                .isEqualTo(404);
    }

    @Test
    void weakerSourceValueStaysOnItsAccountAndTakesOverWhenTheStrongerAccountGoes() {
        JsonNode h = push.create(hr, enterprise(enterprise(worker(push.user("kim.hr", "Kim", "Park", "kim.park@corp.com"),
                "W300"), "department", "Finance"), "employeeNumber", "W300"));
        ObjectNode idpUser = enterprise(enterprise(push.user("kpark@corp.com", "Kim", "Park", "kim.park@corp.com"),
                "department", "Sales"), "employeeNumber", "W300");
        JsonNode i = push.create(idp, idpUser);
        String person = personId(h);
        assertThat(personId(i)).isEqualTo(person);

        PersonDetail p = push.person(person);
        assertThat(golden(p, "department")).isEqualTo("Finance");
        assertThat(goldenValue(p, "department").provenance().accountId()).isEqualTo(h.get("id").asText());
        assertThat(server.get("/scim/v2/Users/" + i.get("id").asText(), idp).jsonBody().at("/" + Pushes.ENTERPRISE + "/department")
                .asText()).isEqualTo("Sales");

        // the IdP changes department again: still no effect on the golden record
        push.replace(idp, i.get("id").asText(), enterprise(idpUser, "department", "Marketing"));
        assertThat(golden(push.person(person), "department")).isEqualTo("Finance");
        assertThat(push.lastEvent(person, "account.updated").get("changes").toString()).doesNotContain("department");

        // the HRIS account goes: the IdP's value takes over, old → new recorded
        push.delete(hr, h.get("id").asText());
        p = push.person(person);
        assertThat(golden(p, "department")).isEqualTo("Marketing");
        assertThat(goldenValue(p, "department").provenance().accountId()).isEqualTo(i.get("id").asText());
        JsonNode updated = push.lastEvent(person, "person.updated");
        assertThat(updated.get("cause").asText()).isEqualTo("account.deleted");
        assertThat(updated.get("changes").toString()).contains("{\"attribute\":\"department\",\"old\":\"Finance\",\"new\":\"Marketing\"}");
    }

    @Test
    void rehireUnderTheSameWorkerIdRelinksToTheSamePerson() {
        JsonNode first = push.create(hr, worker(push.user("rehire1", "Rae", "Hire", "rae.hire@corp.com"), "W400"));
        push.delete(hr, first.get("id").asText());
        JsonNode again = push.create(hr, worker(push.user("rehire2", "Rae", "Hire", "rae.h@corp.com"), "W400"));

        assertThat(personId(again)).isEqualTo(personId(first));
        PersonDetail p = push.person(personId(first));
        assertThat(p.accounts()).extracting(LinkedAccount::id).containsExactly(again.get("id").asText());
        assertThat(golden(p, "email")).isEqualTo("rae.h@corp.com");
        // issue 7: deleting the HRIS account suspends the person; its return inside the grace reactivates it
        assertThat(push.eventTypes(p.id())).containsExactly("person.created", "account.created", "account.deleted",
                "person.updated", "person.suspended", "account.created", "person.updated", "person.reactivated");
    }

    @Test
    void emailChangeKeepsThePersonAndLaterPushesWithTheNewEmailFindIt() {
        ObjectNode u = worker(push.user("eve.hr", "Eve", "Stone", "eve.stone@corp.com"), "W500");
        JsonNode h = push.create(hr, u);
        ((ObjectNode) u.get("emails").get(0)).put("value", "eve.married@corp.com");
        JsonNode changed = push.replace(hr, h.get("id").asText(), u);
        assertThat(personId(changed)).isEqualTo(personId(h));
        JsonNode updated = push.lastEvent(personId(h), "person.updated");
        assertThat(updated.get("changes").toString())
                .contains("{\"attribute\":\"email\",\"old\":\"eve.stone@corp.com\",\"new\":\"eve.married@corp.com\"}");

        JsonNode i = push.create(idp, push.user("eve.married@corp.com", "Eve", "Stone", "eve.married@corp.com"));
        assertThat(personId(i)).isEqualTo(personId(h));
        assertThat(server.services().database().dsl()
                .fetchCount(org.jooq.impl.DSL.table("person"), org.jooq.impl.DSL.field("golden").like("%eve.%"))).isEqualTo(1);
    }

    @Test
    void differentWorkerIdsAreNeverLinkedByWeakEvidence() {
        JsonNode a = push.create(hr, worker(push.user("twin1", "Tom", "Twin", "tom.twin@corp.com"), "W600"));
        JsonNode b = push.create(hr, worker(push.user("twin2", "Tom", "Twin", "tom.twin+2@corp.com"), "W601"));
        assertThat(personId(b)).isNotEqualTo(personId(a));
        assertThat(push.person(personId(b)).provisional()).isFalse();
    }

    @Test
    void concurrentPushesOfOneNewWorkerEndAsOnePerson() throws Exception {
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<JsonNode>> results = new java.util.ArrayList<>();
            for (int k = 0; k < n; k++) {
                ObjectNode u = worker(push.user("race" + k, "Ray", "Race", "ray.race" + k + "@corp.com"), "W-RACE");
                results.add(pool.submit(() -> {
                    go.await();
                    return push.create(hr, u);
                }));
            }
            go.countDown();
            java.util.Set<String> persons = new java.util.HashSet<>();
            for (java.util.concurrent.Future<JsonNode> f : results) {
                persons.add(personId(f.get()));
            }
            assertThat(persons).hasSize(1);
            assertThat(push.person(persons.iterator().next()).accounts()).hasSize(n);
            assertThat(push.eventTypes(persons.iterator().next())).filteredOn("person.created"::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
