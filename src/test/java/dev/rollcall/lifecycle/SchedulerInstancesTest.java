package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.lifecycle.LifecyclePushes.terminated;
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
import dev.rollcall.store.StoreTimerClaims;
import dev.rollcall.store.StoreTransactor;
import dev.rollcall.store.Transactions;
import dev.rollcall.store.generated.enums.TimerStatus;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.MutableClock;
import dev.rollcall.testing.TestDatabases;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timers across instances and restarts, on one real MariaDB: a server pushes terminations and stops;
 * then two instances' schedulers race over the due timers, or a restarted server fires them at start.
 */
class SchedulerInstancesTest {
    private static final Actor OPERATOR = Actor.of("operator:test");
    private final MutableClock clock = MutableClock.startingNow();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestDatabases.TestDb db;
    private Config config;
    private RollcallServer server;
    private Services services;
    private String hr;
    private String reader;

    @BeforeEach
    void database() {
        db = TestDatabases.fresh();
        config = Config.fromEnvironment(db.serverEnv(Map.of("ROLLCALL_HOLD_TERMINATIONS", "1000")));
    }

    @AfterEach
    void closeAndDrop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        TestDatabases.drop(db);
    }

    /** Starts a serving instance (HTTP and background work) on the shared database. */
    private void serve() {
        services = Services.open(config, clock);
        server = RollcallServer.start(config, services);
        open.add(server);
    }

    private void stopServing() {
        open.remove(server);
        server.close();
    }

    private LifecyclePushes pushes() {
        return new LifecyclePushes(requests(), services.json());
    }

    private LifecyclePushes.Http requests() {
        return LifecyclePushes.overHttp(http, server.port(), services.json(), "application/scim+json");
    }

    /** Serves, registers an HRIS and a reader, pushes {@code count} employees and terminates them. */
    private List<String> terminate(int count, String reason) {
        serve();
        hr = services.sourceAdministration().addSource(OPERATOR, "workday", SourceKind.HRIS, null).token();
        reader = services.sourceAdministration().addAdminToken(OPERATOR, "it-reader", AdminScope.READ);
        LifecyclePushes pushes = pushes();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode employee = pushes.employee("leaver" + i, "R-" + i);
            JsonNode user = pushes.create(hr, employee);
            pushes.replace(hr, user, terminated(employee, reason));
            ids.add(personId(user));
        }
        return ids;
    }

    private int events(Services s, String type) {
        return s.database().dsl().fetchCount(EVENT, EVENT.TYPE.eq(type));
    }

    @Test
    void twoSchedulerInstancesOnOneDatabaseFireEachTimerOnce() throws Exception {
        List<String> ids = terminate(30, null);
        stopServing();
        Services one = Services.open(config, clock);
        open.add(one);
        Services two = Services.open(config, clock);
        open.add(two);
        TimerScheduler a = scheduler(one);
        TimerScheduler b = scheduler(two);
        clock.advance(Duration.ofDays(8));

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> ra = CompletableFuture.runAsync(() -> await(go, a));
        CompletableFuture<Void> rb = CompletableFuture.runAsync(() -> await(go, b));
        go.countDown();
        CompletableFuture.allOf(ra, rb).get(60, TimeUnit.SECONDS);
        a.runOnce();
        b.runOnce();

        assertThat(events(one, "person.deprovisioned")).isEqualTo(ids.size());
        for (String id : ids) {
            assertThat(one.database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(id)
                    .and(EVENT.TYPE.eq("person.deprovisioned")))).as(id).isEqualTo(1);
        }
        assertThat(one.database().dsl().fetchCount(TIMER, TIMER.STATUS.eq(TimerStatus.fired))).isEqualTo(ids.size());
        assertThat(one.database().dsl().selectDistinct(TIMER.LEASE_OWNER).from(TIMER).fetch(TIMER.LEASE_OWNER))
                .isSubsetOf(a.owner(), b.owner());
    }

    @Test
    void parallelFiringOnTwoInstancesWithOneStoppedMidPassAndThenARestartFiresEachTimerOnce() throws Exception {
        List<String> ids = terminate(30, null);
        stopServing();
        Services one = Services.open(config, clock);
        open.add(one);
        Services two = Services.open(config, clock);
        open.add(two);
        TimerScheduler a = scheduler(one, 8, 3);
        TimerScheduler b = scheduler(two, 8, 3);
        clock.advance(Duration.ofDays(8));

        Thread stopped = new Thread(() -> {
            try {
                a.runOnce();
            } catch (RuntimeException e) {
                // stopped wherever it was (even inside a claim): whatever it did not commit stays due
            }
        }, "stopped-scheduler");
        CompletableFuture<Void> rb = CompletableFuture.runAsync(b::runOnce);
        stopped.start();
        stopped.interrupt(); // what stopping an instance's background work does
        stopped.join(60_000);
        rb.get(60, TimeUnit.SECONDS);
        serve(); // a restart: its scheduler fires whatever is left on its first passes
        LifecyclePushes after = pushes();
        for (String id : ids) {
            after.awaitState(reader, id, "deprovisioned");
        }
        services.timerScheduler().runOnce();

        for (String id : ids) {
            assertThat(one.database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(id)
                    .and(EVENT.TYPE.eq("person.deprovisioned")))).as(id).isEqualTo(1);
        }
        assertThat(one.database().dsl().fetchCount(TIMER, TIMER.STATUS.eq(TimerStatus.fired))).isEqualTo(ids.size());
        assertThat(one.database().dsl().fetchCount(TIMER, TIMER.STATUS.eq(TimerStatus.pending))).isZero();
    }

    @Test
    void aTimerThatCameDueWhileTheServerWasDownFiresOnceAtStartAndOneNotYetDueWaits() {
        List<String> ids = terminate(1, null);
        LifecyclePushes before = pushes();
        ObjectNode voluntary = before.employee("stayer", "R-V");
        JsonNode user = before.create(hr, voluntary);
        before.replace(hr, user, terminated(voluntary, "voluntary"));
        stopServing();

        clock.advance(Duration.ofDays(8));
        serve();
        LifecyclePushes after = pushes();

        after.awaitState(reader, ids.get(0), "deprovisioned");
        services.timerScheduler().runOnce();
        assertThat(events(services, "person.deprovisioned")).isEqualTo(1);
        JsonNode waiting = after.person(reader, personId(user));
        assertThat(waiting.get("state").asText()).isEqualTo("suspended");
        assertThat(waiting.get("pendingTimers")).hasSize(1);
    }

    @Test
    void datedTimersPendingAcrossARestartFireOnceAtStart() {
        terminate(0, null);
        LifecyclePushes before = pushes();
        String due = clock.instant().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        ObjectNode hire = before.employee("starter", "R-H");
        ((ObjectNode) hire.get(LifecyclePushes.LIFECYCLE)).put("hireDate", due);
        String starter = personId(before.create(hr, hire));
        ObjectNode leaving = before.employee("dated.leaver", "R-T");
        JsonNode user = before.create(hr, leaving);
        ObjectNode dated = leaving.deepCopy();
        ((ObjectNode) dated.get(LifecyclePushes.LIFECYCLE)).put("terminationDate", due);
        before.replace(hr, user, dated);
        assertThat(before.person(reader, starter).get("state").asText()).isEqualTo("pending");
        stopServing();

        clock.advance(Duration.ofDays(6));
        serve();
        LifecyclePushes after = pushes();

        after.awaitState(reader, starter, "active");
        after.awaitState(reader, personId(user), "suspended");
        services.timerScheduler().runOnce();
        assertThat(events(services, "person.activated")).isEqualTo(1);
        assertThat(events(services, "person.suspended")).isEqualTo(1);
    }

    private static void await(CountDownLatch go, TimerScheduler scheduler) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        scheduler.runOnce();
    }

    /** One instance's scheduler over its own pool, with a small batch so the two take turns. */
    private TimerScheduler scheduler(Services s) {
        return scheduler(s, 3, 2);
    }

    /** {@code threads} firing at once: the pool has 4 connections, so at most 3 beside the claim. */
    private TimerScheduler scheduler(Services s, int batch, int threads) {
        Transactions transactions = new Transactions(s.database());
        return new TimerScheduler(new StoreTimerClaims(transactions), new StoreTransactor(transactions, s.json()),
                new PersonLifecycle(new CurrentAuthority(), config.grace()), clock, batch, threads);
    }
}
