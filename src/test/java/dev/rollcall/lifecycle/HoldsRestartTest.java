package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.lifecycle.LifecyclePushes.terminated;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.HOLD;
import static dev.rollcall.store.generated.Tables.TIMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.app.Config;
import dev.rollcall.app.RollcallServer;
import dev.rollcall.app.Services;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.generated.enums.HoldStatus;
import dev.rollcall.store.generated.enums.TimerStatus;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.MutableClock;
import dev.rollcall.testing.TestDatabases;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restart with timers and a hold pending, on one real MariaDB: nothing held is lost, the timers
 * that came due while the server was down fire once at start, and the hold approved after the
 * restart applies every held push.
 */
class HoldsRestartTest {
    private static final Actor OPERATOR = Actor.of("operator:test");
    private final MutableClock clock = MutableClock.startingNow();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestDatabases.TestDb db;
    private Config config;
    private RollcallServer server;
    private Services services;

    @BeforeEach
    void database() {
        db = TestDatabases.fresh();
        config = Config.fromEnvironment(db.serverEnv(Map.of("ROLLCALL_HOLD_TERMINATIONS", "3")));
    }

    @AfterEach
    void closeAndDrop() {
        if (server != null) {
            server.close();
        }
        TestDatabases.drop(db);
    }

    private void serve() {
        services = Services.open(config, clock);
        server = RollcallServer.start(config, services);
    }

    private LifecyclePushes pushes() {
        return new LifecyclePushes(requests(), services.json());
    }

    private LifecyclePushes.Http requests() {
        return LifecyclePushes.overHttp(http, server.port(), services.json(), "application/json");
    }

    private int events(String type) {
        return services.database().dsl().fetchCount(EVENT, EVENT.TYPE.eq(type));
    }

    @Test
    void aRestartWithTimersAndAHoldPendingLosesNothingAndDueTimersFireOnce() {
        serve();
        String hr = services.sourceAdministration().addSource(OPERATOR, "workday", SourceKind.HRIS, null).token();
        String writer = services.sourceAdministration().addAdminToken(OPERATOR, "it-writer", AdminScope.WRITE);
        LifecyclePushes before = pushes();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode employee = before.employee("leaver" + i, "R-" + i);
            JsonNode user = before.create(hr, employee);
            before.replace(hr, user, terminated(employee, null));
            ids.add(personId(user));
        }
        assertThat(events("person.suspended")).isEqualTo(3);
        server.close();
        server = null;

        clock.advance(Duration.ofDays(8));
        serve();
        LifecyclePushes after = pushes();

        ids.subList(0, 3).forEach(id -> after.awaitState(writer, id, "deprovisioned"));
        services.timerScheduler().runOnce();
        assertThat(events("person.deprovisioned")).isEqualTo(3);
        JsonNode holds = requests().send("GET", "/api/v1/holds?status=open",
                writer, null).jsonBody().get("items");
        assertThat(holds).singleElement().satisfies(h -> assertThat(h.get("counts").get("pending").asInt()).isEqualTo(4));
        ids.subList(3, 7).forEach(id -> assertThat(after.person(writer, id).get("state").asText()).isEqualTo("active"));

        HttpResult approved = requests().send("POST",
                "/api/v1/holds/" + holds.get(0).get("id").asText() + "/approve", writer, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        ids.subList(3, 7).forEach(id -> assertThat(after.person(writer, id).get("state").asText()).isEqualTo("suspended"));
        services.timerScheduler().runOnce();
        assertThat(events("person.deprovisioned")).isEqualTo(3);
        assertThat(services.database().dsl().fetchCount(TIMER, TIMER.STATUS.eq(TimerStatus.fired))).isEqualTo(3);
        assertThat(services.database().dsl().fetchCount(TIMER, TIMER.STATUS.eq(TimerStatus.pending))).isEqualTo(4);
    }

    @Test
    void anApprovalCutShortByARestartIsFinishedAtStartWithoutAskingAgain() {
        serve();
        String hr = services.sourceAdministration().addSource(OPERATOR, "workday", SourceKind.HRIS, null).token();
        String writer = services.sourceAdministration().addAdminToken(OPERATOR, "it-writer", AdminScope.WRITE);
        LifecyclePushes before = pushes();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode employee = before.employee("mover" + i, "M-" + i);
            JsonNode user = before.create(hr, employee);
            before.replace(hr, user, terminated(employee, null));
            ids.add(personId(user));
        }
        server.close();
        server = null;
        // the approval had begun (the hold is applying) when the server went down, with nothing applied yet
        Services offline = Services.open(config, clock);
        assertThat(offline.database().dsl().update(HOLD).set(HOLD.STATUS, HoldStatus.applying)
                .where(HOLD.STATUS.eq(HoldStatus.open)).execute()).isEqualTo(1);
        offline.close();

        serve();
        LifecyclePushes after = pushes();
        ids.subList(3, 6).forEach(id -> after.awaitState(writer, id, "suspended"));
        assertThat(events("person.suspended")).isEqualTo(6);
        assertThat(services.database().dsl().fetchCount(HOLD, HOLD.STATUS.eq(HoldStatus.approved))).isEqualTo(1);
    }
}
