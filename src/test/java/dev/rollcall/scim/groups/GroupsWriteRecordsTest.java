package dev.rollcall.scim.groups;

import static dev.rollcall.scim.groups.GroupFixture.GROUPS;
import static dev.rollcall.scim.groups.GroupFixture.memberIds;
import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What each group write leaves in the database: events, audit records, and only the member rows that changed. */
class GroupsWriteRecordsTest {
    static final int LARGE = 1500;
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .build();
    static final GroupFixture fx = new GroupFixture(server);
    @Token("okta") static String idp;
    static List<String> users = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < LARGE + 2; i++) {
                String name = "member" + i + "@corp.com";
                created.add(pool.submit(() -> fx.user(idp, name)));
            }
            for (Future<String> f : created) {
                users.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    static JsonNode json(Record r, org.jooq.Field<org.jooq.JSON> field) {
        return fx.json(r.get(field).data());
    }

    @Test
    void createWritesOneGroupCreatedEventAndOneAuditRecord() {
        String id = fx.group(idp, "Recorded", users.get(0));
        Result<Record> events = fx.events(id);
        assertThat(events).hasSize(1);
        Record e = events.get(0);
        assertThat(e.get(EVENT.TYPE)).isEqualTo("group.created");
        assertThat(e.get(EVENT.PERSON_ID)).isNull();
        assertThat(e.get(EVENT.SOURCE_ID)).isNotNull();
        JsonNode payload = json(e, EVENT.PAYLOAD);
        assertThat(payload.get("displayName").asText()).isEqualTo("Recorded");
        assertThat(payload.at("/membersAdded/0/value").asText()).isEqualTo(users.get(0));
        Result<Record> audits = fx.audits(id);
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).get(AUDIT.ACTION)).isEqualTo("scim.group.create");
        assertThat(audits.get(0).get(AUDIT.ACTOR)).isEqualTo("source:okta");
        assertThat(audits.get(0).get(AUDIT.BEFORE_STATE)).isNull();
        assertThat(json(audits.get(0), AUDIT.AFTER_STATE).get("displayName").asText()).isEqualTo("Recorded");
    }

    @Test
    void updatesRecordTheMembersAddedAndRemovedAndDeleteIsRecorded() {
        String id = fx.group(idp, "Changing", users.get(0), users.get(1));
        assertThat(fx.patch(idp, id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(2) + "\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users.get(0) + "\\\"]\"},"
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed\"}]").status()).isEqualTo(200);
        assertThat(server.put(GROUPS + "/" + id, idp, fx.groupBody("Changed", null, users.get(2))).status()).isEqualTo(200);
        assertThat(server.delete(GROUPS + "/" + id, idp).status()).isEqualTo(204);

        Result<Record> events = fx.events(id);
        assertThat(events).extracting(r -> r.get(EVENT.TYPE))
                .containsExactly("group.created", "group.updated", "group.updated", "group.deleted");
        JsonNode patched = json(events.get(1), EVENT.PAYLOAD);
        assertThat(patched.at("/membersAdded/0/value").asText()).isEqualTo(users.get(2));
        assertThat(patched.at("/membersRemoved/0/value").asText()).isEqualTo(users.get(0));
        assertThat(patched.get("membersAdded")).hasSize(1);
        assertThat(patched.get("membersRemoved")).hasSize(1);
        assertThat(patched.get("previousDisplayName").asText()).isEqualTo("Changing");
        JsonNode replaced = json(events.get(2), EVENT.PAYLOAD);
        assertThat(replaced.get("membersAdded")).isEmpty();
        assertThat(replaced.at("/membersRemoved/0/value").asText()).isEqualTo(users.get(1));
        assertThat(events).allSatisfy(e -> assertThat(e.get(EVENT.PERSON_ID)).isNull());

        assertThat(fx.audits(id)).extracting(r -> r.get(AUDIT.ACTION))
                .containsExactly("scim.group.create", "scim.group.patch", "scim.group.replace", "scim.group.delete");
        Record patchAudit = fx.audits(id).get(1);
        assertThat(json(patchAudit, AUDIT.BEFORE_STATE).get("displayName").asText()).isEqualTo("Changing");
        assertThat(json(patchAudit, AUDIT.AFTER_STATE).get("displayName").asText()).isEqualTo("Changed");
        assertThat(json(fx.audits(id).get(3), AUDIT.BEFORE_STATE).get("displayName").asText()).isEqualTo("Changed");
    }

    @Test
    void failedWritesLeaveNoEventOrAudit() {
        String id = fx.group(idp, "Quiet", users.get(0));
        assertThat(fx.patch(idp, id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}]").status())
                .isEqualTo(400);
        assertThat(server.put(GROUPS + "/" + id, idp, fx.groupBody(null, null)).status()).isEqualTo(400);
        assertThat(fx.events(id)).hasSize(1);
        assertThat(fx.audits(id)).hasSize(1);
    }

    @Test
    void addingAndRemovingAFewMembersOfALargeGroupTouchesOnlyThoseRows() {
        String id = fx.group(idp, "Everyone", users.subList(0, LARGE).toArray(String[]::new));
        List<Long> before = fx.memberRowIds(id);
        assertThat(before).hasSize(LARGE);

        long start = System.nanoTime();
        HttpResult add = fx.patch(idp, id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + users.get(LARGE) + "\"},{\"value\":\"" + users.get(LARGE + 1) + "\"}]}]");
        long addMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(add.status()).as(add.body()).isEqualTo(200);
        List<Long> afterAdd = fx.memberRowIds(id);
        assertThat(afterAdd).hasSize(LARGE + 2).containsAll(before);

        HttpResult remove = fx.patch(idp, id, "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + users.get(5) + "\"}]}]");
        assertThat(remove.status()).isEqualTo(200);
        List<Long> afterRemove = fx.memberRowIds(id);
        assertThat(afterRemove).hasSize(LARGE + 1);
        assertThat(afterAdd).containsAll(afterRemove);
        assertThat(memberIds(remove.jsonBody())).hasSize(LARGE + 1).doesNotContain(users.get(5));
        assertThat(addMillis).as("PATCH of a %d-member group took %d ms", LARGE, addMillis).isLessThan(3_000);

        HttpResult emptied = fx.patch(idp, id, "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]");
        assertThat(emptied.status()).isEqualTo(200);
        assertThat(fx.memberRowIds(id)).isEmpty();
        assertThat(json(fx.events(id).get(3), EVENT.PAYLOAD).get("membersRemoved")).hasSize(LARGE + 1);
    }
}
