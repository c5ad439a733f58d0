package dev.rollcall.scim.groups;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/** Helpers shared by the /Groups tests: users and groups over HTTP, PATCH bodies, and database checks. */
final class GroupFixture {
    static final String GROUPS = "/scim/v2/Groups";
    private final RollcallServerExtension server;

    /** Takes the extension, not its server, so a test class can build it as a static final field. */
    GroupFixture(RollcallServerExtension server) {
        this.server = server;
    }

    /** Creates a user (with a displayName when one is given) and returns its id. */
    String user(String token, String userName, String displayName) {
        ObjectNode body = server.json().createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        body.put("userName", userName);
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        HttpResult r = server.post("/scim/v2/Users", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    String user(String token, String userName) {
        return user(token, userName, null);
    }

    ObjectNode groupBody(String displayName, String externalId, String... memberIds) {
        ObjectNode body = server.json().createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        ArrayNode members = body.putArray("members");
        for (String id : memberIds) {
            members.addObject().put("value", id);
        }
        return body;
    }

    HttpResult createGroup(String token, String displayName, String... memberIds) {
        return server.post(GROUPS, token, groupBody(displayName, null, memberIds));
    }

    /** Creates a group and returns its id. */
    String group(String token, String displayName, String... memberIds) {
        HttpResult r = createGroup(token, displayName, memberIds);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    JsonNode get(String token, String groupId) {
        HttpResult r = server.get(GROUPS + "/" + groupId, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    HttpResult patch(String token, String groupId, String operations) {
        return server.patch(GROUPS + "/" + groupId, token,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}");
    }

    static List<String> memberIds(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }

    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    DSLContext db() {
        return server.services().database().dsl();
    }

    /** The ids of the group's member rows: unchanged ids mean untouched rows. */
    List<Long> memberRowIds(String groupId) {
        return db().select(GROUP_MEMBER.ID).from(GROUP_MEMBER).join(SCIM_GROUP).on(SCIM_GROUP.PK.eq(GROUP_MEMBER.GROUP_PK))
                .where(SCIM_GROUP.ID.eq(groupId)).orderBy(GROUP_MEMBER.ID).fetch(GROUP_MEMBER.ID);
    }

    Result<Record> events(String groupId) {
        return db().select(EVENT.asterisk()).from(EVENT).where(EVENT.GROUP_ID.eq(groupId)).orderBy(EVENT.PK).fetch();
    }

    Result<Record> audits(String groupId) {
        return db().select(AUDIT.asterisk()).from(AUDIT).where(AUDIT.TARGET_TYPE.eq("group"))
                .and(AUDIT.TARGET_ID.eq(groupId)).orderBy(AUDIT.SEQ).fetch();
    }

    JsonNode json(String text) {
        return server.parse(text);
    }
}
