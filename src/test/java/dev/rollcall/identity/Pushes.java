package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallTestServer;
import java.util.List;
import org.jooq.Record2;

/** SCIM pushes and reads for identity scenarios: build a User, push it, read the person and its events. */
final class Pushes {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";
    private final RollcallTestServer server;

    Pushes(RollcallTestServer server) {
        this.server = server;
    }

    /** A User with a name and a work email; add attributes with the other methods. */
    ObjectNode user(String userName, String given, String family, String email) {
        ObjectNode u = server.json().createObjectNode();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User").add(ENTERPRISE).add(LIFECYCLE);
        u.put("userName", userName);
        u.put("active", true);
        u.putObject("name").put("givenName", given).put("familyName", family);
        u.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
        return u;
    }

    private static ObjectNode ext(ObjectNode u, String urn) {
        return u.has(urn) ? (ObjectNode) u.get(urn) : u.putObject(urn);
    }

    static ObjectNode worker(ObjectNode u, String workerId) {
        ext(u, LIFECYCLE).put("workerId", workerId);
        return u;
    }

    static ObjectNode enterprise(ObjectNode u, String attr, String value) {
        ext(u, ENTERPRISE).put(attr, value);
        return u;
    }

    static ObjectNode manager(ObjectNode u, String managerId, Boolean primary) {
        ObjectNode m = ext(u, ENTERPRISE).putObject("manager").put("value", managerId);
        if (primary != null) {
            m.put("primary", primary);
        }
        return u;
    }

    static ObjectNode crmAccount(ObjectNode u, String crmAccountId) {
        ext(u, LIFECYCLE).put("crmAccountId", crmAccountId);
        return u;
    }

    /** POSTs the user and returns the created resource. */
    JsonNode create(String token, ObjectNode user) {
        HttpResult r = server.post("/scim/v2/Users", token, user);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody();
    }

    JsonNode replace(String token, String id, ObjectNode user) {
        HttpResult r = server.put("/scim/v2/Users/" + id, token, user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    void delete(String token, String id) {
        assertThat(server.delete("/scim/v2/Users/" + id, token).status()).isEqualTo(204);
    }

    static String personId(JsonNode user) {
        return user.at("/" + LIFECYCLE + "/personId").asText();
    }

    PersonDetail person(String id) {
        return server.services().identityAdministration().person(id);
    }

    IdentityAdministration admin() {
        return server.services().identityAdministration();
    }

    /** The person's events in sequence: type and payload. */
    List<Record2<String, String>> events(String personId) {
        return server.services().database().dsl()
                .resultQuery("select type, cast(payload as char) from event where person_id = ? order by person_seq", personId)
                .coerce(org.jooq.impl.DSL.field("type", String.class), org.jooq.impl.DSL.field("payload", String.class))
                .fetch();
    }

    List<String> eventTypes(String personId) {
        return events(personId).stream().map(Record2::value1).toList();
    }

    /** The payload of the person's last event of this type. */
    JsonNode lastEvent(String personId, String type) {
        List<Record2<String, String>> all = events(personId).stream().filter(r -> r.value1().equals(type)).toList();
        assertThat(all).as("events of type " + type).isNotEmpty();
        return server.parse(all.get(all.size() - 1).value2());
    }

    static String golden(PersonDetail p, String attr) {
        return p.golden().value(attr);
    }

    static GoldenValue goldenValue(PersonDetail p, String attr) {
        return p.golden().values().get(attr);
    }
}
