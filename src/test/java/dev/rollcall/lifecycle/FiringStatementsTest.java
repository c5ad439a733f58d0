package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.TIMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.app.Config;
import dev.rollcall.app.RollcallServer;
import dev.rollcall.app.Services;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.AuditVerification;
import dev.rollcall.store.StoreTimerClaims;
import dev.rollcall.store.StoreTransactor;
import dev.rollcall.store.Transactions;
import dev.rollcall.store.generated.enums.TimerStatus;
import dev.rollcall.testing.MutableClock;
import dev.rollcall.testing.StatementCount;
import dev.rollcall.testing.TestDatabases;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What firing due TERMINATE timers costs in SQL statements on real MariaDB (a regression guard, counted
 * at the JDBC level on the firing transactions only, not on the claims): the statements of one
 * suspension, with its state, timers, event and audit record. 16.1 per suspension before the cuts of
 * December 2026, 14.1 after them one timer per transaction, 13.2 with the twelve in one group (the
 * outbox's subscription read is shared), 11.3 with the audit witness read once per transaction and
 * the fired TERMINATE no longer cancelled before it is finished, 10.25 once the person lock also reads
 * the lifecycle's columns (store.TxReads); 10.42 when START TRANSACTION and COMMIT (one pair per group
 * of twelve) are counted too.
 */
class FiringStatementsTest {
    private static final Actor OPERATOR = Actor.of("operator:test");
    private static final int PERSONS = 12;
    private final MutableClock clock = MutableClock.startingNow();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestDatabases.TestDb db;
    private Config config;

    @BeforeEach
    void database() {
        db = TestDatabases.fresh();
        config = Config.fromEnvironment(db.serverEnv(Map.of()));
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    /** Pushes PERSONS employees with one termination date ahead, over HTTP, then stops serving. */
    private List<String> datedLeavers() {
        List<String> ids = new ArrayList<>();
        Services services = Services.open(config, clock);
        try (RollcallServer server = RollcallServer.start(config, services)) { // closes the services too
            String hr = services.sourceAdministration().addSource(OPERATOR, "workday", SourceKind.HRIS, null).token();
            services.sourceAdministration().addAdminToken(OPERATOR, "it-reader", AdminScope.READ);
            LifecyclePushes pushes = new LifecyclePushes(
                    LifecyclePushes.overHttp(http, server.port(), services.json(), "application/scim+json"), services.json());
            String due = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS).toString();
            for (int i = 0; i < PERSONS; i++) {
                ObjectNode leaving = pushes.employee("dated.leaver" + i, "R-" + i);
                JsonNode user = pushes.create(hr, leaving);
                ObjectNode dated = leaving.deepCopy();
                ((ObjectNode) dated.get(LifecyclePushes.LIFECYCLE)).put("terminationDate", due);
                pushes.replace(hr, user, dated);
                ids.add(personId(user));
            }
        }
        return ids;
    }

    @Test
    void oneDueTerminationTakesAtMostTheStatementsItNeeds() {
        List<String> ids = datedLeavers();
        clock.advance(Duration.ofDays(6));
        try (Services services = Services.open(config, clock)) {
            StatementCount statements = new StatementCount(services.database().dsl());
            var counted = statements.dsl();
            TimerScheduler scheduler = new TimerScheduler(new StoreTimerClaims(new Transactions(services.database())),
                    new StoreTransactor(new Transactions(counted), services.json()),
                    new PersonLifecycle(new CurrentAuthority(), config.grace()), clock, 100, 1);

            scheduler.runOnce();

            var dsl = services.database().dsl();
            assertThat(dsl.fetchCount(EVENT, EVENT.TYPE.eq("person.suspended"))).isEqualTo(ids.size());
            assertThat(dsl.fetchCount(TIMER, TIMER.KIND.eq("terminate").and(TIMER.STATUS.eq(TimerStatus.fired))))
                    .isEqualTo(ids.size());
            double perTransition = statements.take() / (double) ids.size();
            System.out.println("statements per fired TERMINATE: " + perTransition);
            assertThat(perTransition).as("statements per suspension by a TERMINATE timer").isLessThanOrEqualTo(10.42);
            // the group's audit records, written in one transaction, seal into an intact chain
            while (services.auditChain().sealPending(clock.instant(), 1000).more()) {
                Thread.onSpinWait();
            }
            AuditVerification audit = services.auditChain().verify();
            assertThat(audit.problem()).isEmpty();
            assertThat(audit.unsealedRows()).isZero();
        }
    }
}
