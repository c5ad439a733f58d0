package dev.rollcall.scim.users;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a SCIM User write leaves in the database: the person, the events and the audit trail — or nothing. */
class UserWritesPersistTest {
    static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("hr-persist", SourceKind.HRIS)
            .build();
    @Token("hr-persist") static String hr;
    static DSLContext db;

    @BeforeAll
    static void database() {
        db = server.services().database().dsl();
    }

    static String worker(String userName, String workerId) {
        return """
                {"userName":"%s","name":{"givenName":"Jane","familyName":"Doe"},
                 "emails":[{"value":"%s","type":"work"}],
                 "%s":{"workerId":"%s"}}""".formatted(userName, userName, LIFECYCLE, workerId);
    }

    static String personIdOf(JsonNode user) {
        return user.path(LIFECYCLE).path("personId").asText();
    }

    @Test
    void createWritesPersonEventsAndAuditTogether() {
        HttpResult r = server.post("/scim/v2/Users", hr, worker("p1@corp.com", "W-P1"));
        assertThat(r.status()).isEqualTo(201);
        String accountId = r.jsonBody().get("id").asText();
        String personId = personIdOf(r.jsonBody());

        assertThat(db.fetchCount(PERSON, PERSON.ID.eq(personId))).isEqualTo(1);
        List<String> types = db.select(EVENT.TYPE).from(EVENT).where(EVENT.PERSON_ID.eq(personId))
                .orderBy(EVENT.PERSON_SEQ).fetch(EVENT.TYPE);
        assertThat(types).containsExactly("person.created", "account.created");
        List<Long> seqs = db.select(EVENT.PERSON_SEQ).from(EVENT).where(EVENT.PERSON_ID.eq(personId))
                .orderBy(EVENT.PERSON_SEQ).fetch(EVENT.PERSON_SEQ);
        assertThat(seqs).containsExactly(1L, 2L);
        assertThat(db.fetchCount(AUDIT, AUDIT.TARGET_ID.eq(accountId).and(AUDIT.ACTION.eq("scim.user.create"))
                .and(AUDIT.ACTOR.eq("source:hr-persist")))).isEqualTo(1);
        String golden = db.select(PERSON.GOLDEN).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.GOLDEN).data();
        assertThat(server.parse(golden).at("/name.givenName/value").asText()).isEqualTo("Jane");
        assertThat(server.parse(golden).at("/name.givenName/accountId").asText()).isEqualTo(accountId);
    }

    @Test
    void sameWorkerPushedTwiceBySameSourceLinksToOnePerson() {
        JsonNode first = server.post("/scim/v2/Users", hr, worker("jane.doe@corp.com", "W-77")).jsonBody();
        JsonNode second = server.post("/scim/v2/Users", hr, worker("jdoe@corp.com", "W-77")).jsonBody();
        assertThat(personIdOf(second)).isEqualTo(personIdOf(first));
        assertThat(db.fetchCount(ACCOUNT, ACCOUNT.WORKER_ID.eq("W-77"))).isEqualTo(2);
    }

    @Test
    void failedCreateWritesNothing() {
        server.post("/scim/v2/Users", hr, worker("taken@corp.com", "W-T1"));
        int persons = db.fetchCount(PERSON);
        int events = db.fetchCount(EVENT);
        int audits = db.fetchCount(AUDIT);
        HttpResult conflict = server.post("/scim/v2/Users", hr, worker("TAKEN@corp.com", "W-T2"));
        assertThat(conflict.status()).isEqualTo(409);
        HttpResult invalid = server.post("/scim/v2/Users", hr, "{\"userName\":\"\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(db.fetchCount(PERSON)).isEqualTo(persons);
        assertThat(db.fetchCount(EVENT)).isEqualTo(events);
        assertThat(db.fetchCount(AUDIT)).isEqualTo(audits);
    }

    @Test
    void updateAndDeleteAdvanceThePersonSequenceAndAreAudited() {
        JsonNode created = server.post("/scim/v2/Users", hr, worker("seq@corp.com", "W-SEQ")).jsonBody();
        String id = created.get("id").asText();
        String personId = personIdOf(created);
        server.patch("/scim/v2/Users/" + id, hr, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"title","value":"Engineer"}]}""");
        server.delete("/scim/v2/Users/" + id, hr);
        List<String> types = db.select(EVENT.TYPE).from(EVENT).where(EVENT.PERSON_ID.eq(personId))
                .orderBy(EVENT.PERSON_SEQ).fetch(EVENT.TYPE);
        // issue 3: a change of the golden record is also announced as person.updated (old → new);
        // issue 7: deleting the HRIS account terminates the person (person.suspended)
        assertThat(types).containsExactly("person.created", "account.created", "account.updated", "person.updated",
                "account.deleted", "person.updated", "person.suspended");
        JsonNode updated = server.parse(db.select(EVENT.PAYLOAD).from(EVENT)
                .where(EVENT.PERSON_ID.eq(personId)).and(EVENT.TYPE.eq("account.updated")).fetchOne(EVENT.PAYLOAD).data());
        assertThat(updated.at("/changes/0/attribute").asText()).isEqualTo("title");
        assertThat(updated.at("/changes/0/new").asText()).isEqualTo("Engineer");
        assertThat(db.select(AUDIT.ACTION).from(AUDIT).where(AUDIT.TARGET_ID.eq(id)).orderBy(AUDIT.SEQ).fetch(AUDIT.ACTION))
                .containsExactly("scim.user.create", "scim.user.patch", "scim.user.delete");
    }
}
