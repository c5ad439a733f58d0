package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.lifecycle.LifecyclePushes.terminated;
import static dev.rollcall.store.generated.Tables.BURST_CHANGE;
import static dev.rollcall.store.generated.Tables.HOLD;
import static dev.rollcall.store.generated.Tables.TIMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import dev.rollcall.testing.RowCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST /api/v1/policies/preview over HTTP against real MariaDB: a changed grace, hold threshold or
 * authority configuration answers what would change for the current persons, and changes nothing.
 */
class PolicyPreviewHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .build();
    @Token("workday") static String hr;
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;
    static String leaver;
    static String resigned;
    static String stayer;

    private static LifecyclePushes pushes() {
        return LifecyclePushes.over(server);
    }

    @BeforeAll
    static void persons() {
        LifecyclePushes pushes = pushes();
        ObjectNode a = pushes.employee("preview.leaver", "P-1");
        JsonNode ua = pushes.create(hr, a);
        pushes.replace(hr, ua, terminated(a, null));
        leaver = personId(ua);
        ObjectNode b = pushes.employee("preview.resigned", "P-2");
        JsonNode ub = pushes.create(hr, b);
        pushes.replace(hr, ub, terminated(b, "resignation"));
        resigned = personId(ub);
        stayer = personId(pushes.create(hr, pushes.employee("preview.stayer", "P-3")));
        server.clock().advance(Duration.ofHours(2));
    }

    private JsonNode preview(String body) {
        HttpResult r = server.post("/api/v1/policies/preview", writer, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    private Map<String, Object> everything() {
        var db = server.services().database().dsl();
        Map<String, Object> state = new LinkedHashMap<>(RowCounts.of(server));
        state.put("timers", db.selectFrom(TIMER).orderBy(TIMER.PK).fetch().intoMaps());
        state.put("holds", db.fetchCount(HOLD));
        state.put("window", db.fetchCount(BURST_CHANGE));
        for (String id : new String[] {leaver, resigned, stayer}) {
            state.put(id, pushes().person(reader, id).toString());
        }
        return state;
    }

    @Test
    void aShorterDefaultGraceMovesTheDefaultTerminationsDeadlineOnlyAndSaysWhoWouldGoAtOnce() {
        JsonNode hour = preview("{\"grace\":{\"default\":\"PT3H\"}}").get("grace").get("deadlines");
        assertThat(hour).singleElement().satisfies(d -> {
            assertThat(d.get("personId").asText()).isEqualTo(leaver);
            assertThat(d.get("deprovisionedAtOnce").asBoolean()).isFalse();
            assertThat(Duration.between(Instant.parse(d.get("proposed").asText()), Instant.parse(d.get("current").asText())))
                    .isEqualTo(Duration.ofDays(7).minusHours(3));
        });

        JsonNode none = preview("{\"grace\":{\"default\":\"PT0S\",\"voluntary\":\"P1D\"}}").get("grace").get("deadlines");
        assertThat(none).hasSize(2);
        assertThat(none).filteredOn(d -> d.get("personId").asText().equals(leaver))
                .singleElement().satisfies(d -> assertThat(d.get("deprovisionedAtOnce").asBoolean()).isTrue());
        assertThat(none).filteredOn(d -> d.get("personId").asText().equals(resigned))
                .singleElement().satisfies(d -> assertThat(d.get("deprovisionedAtOnce").asBoolean()).isFalse());
    }

    @Test
    void lowerThresholdsSayWhichSourceWouldHoldItsNextTermination() {
        JsonNode sources = preview("{\"holds\":{\"terminations\":1,\"terminationsPercent\":0,\"window\":\"PT3H\"}}")
                .get("holds").get("sources");
        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s.get("source").asText()).isEqualTo("workday");
            assertThat(s.get("terminationsInWindow").asInt()).isEqualTo(2);
            assertThat(s.get("holdsNextNow").asBoolean()).isFalse();
            assertThat(s.get("holdsNextProposed").asBoolean()).isTrue();
        });
        JsonNode outOfWindow = preview("{\"holds\":{\"terminations\":1,\"terminationsPercent\":0,\"window\":\"PT1H\"}}")
                .get("holds").get("sources").get(0);
        assertThat(outOfWindow.get("terminationsInWindow").asInt()).isZero();
        assertThat(outOfWindow.get("holdsNextProposed").asBoolean()).isFalse();
    }

    @Test
    void anotherEmploymentAuthorityListsThePersonsWhoseVerdictChanges() {
        JsonNode a = preview("{\"authority\":{\"rules\":{\"*\":[\"idp\",\"hris\",\"crm\"]}}}").get("authority");

        assertThat(a.get("employmentAuthorityNow").get("active").asText()).isEqualTo("hris");
        assertThat(a.get("employmentAuthorityProposed").get("active").asText()).isEqualTo("idp");
        assertThat(a.get("scanned").asInt()).isEqualTo(3);
        assertThat(a.get("persons")).extracting(p -> p.get("personId").asText())
                .containsExactlyInAnyOrder(leaver, resigned, stayer);
        assertThat(a.get("persons")).allSatisfy(p -> assertThat(p.get("verdictProposed").asText()).isEqualTo("unknown"));
    }

    @Test
    void aPreviewChangesNothing() {
        Map<String, Object> before = everything();

        preview("{\"grace\":{\"default\":\"PT0S\",\"voluntary\":\"PT0S\",\"involuntary\":\"PT0S\"},"
                + "\"holds\":{\"terminations\":0,\"terminationsPercent\":0,\"managerChanges\":0,\"managerChangesPercent\":0},"
                + "\"authority\":{\"rules\":{\"*\":[\"crm\",\"idp\",\"hris\"]}}}");
        server.services().timerScheduler().runOnce();

        assertThat(everything()).isEqualTo(before);
        assertThat(server.get("/api/v1/authority", reader).jsonBody().get("rules").get("*").get(0).asText()).isEqualTo("hris");
    }

    @Test
    void aBadProposalIsAProblemAndChangesNothing() {
        Map<String, Object> before = everything();
        for (String body : new String[] {"{}", "{\"grace\":{\"default\":\"soon\"}}", "{\"grace\":{\"fallback\":\"P1D\"}}",
                "{\"grace\":\"P1D\"}", "{\"holds\":{\"terminationsPercent\":200}}", "{\"holds\":{\"terminations\":-1}}",
                "{\"holds\":{\"window\":\"PT0S\"}}", "{\"authority\":{\"rules\":{\"active\":[\"hris\"]}}}",
                "{\"authority\":{\"rules\":{\"*\":[\"ldap\"]}}}", "{\"thresholds\":{}}"}) {
            HttpResult r = server.post("/api/v1/policies/preview", writer, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(everything()).isEqualTo(before);
    }
}
