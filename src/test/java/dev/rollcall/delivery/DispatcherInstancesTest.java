package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several dispatchers on one database deliver each event once; a delivery leased by a dispatcher that
 * died is sent by another once the lease runs out.
 */
class DispatcherInstancesTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .network(clock -> new TestNetwork().network())
            .build();
    @Token("workday") static String hr;
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    private DeliveryFixture fx;

    @AfterEach
    void cleanUp() {
        if (fx != null) {
            fx.cleanUp();
        }
    }

    @Test
    void threeDispatchersDeliverEachEventOnce() throws Exception {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "*");
        List<Dispatcher> others = List.of(server.services().newDispatcher(2), server.services().newDispatcher(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 12; i++) {
                fx.hire(hr, "many" + i, "W-M" + i);
            }
            for (int round = 0; round < 20; round++) {
                List<Future<?>> passes = others.stream().map(d -> pool.submit(d::runOnce)).collect(Collectors.toList());
                for (Future<?> p : passes) {
                    p.get(30, TimeUnit.SECONDS);
                }
                if (fx.deliveries(reader, sub, "delivered").size() == fx.deliveries(reader, sub, null).size()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        fx.eventually(Duration.ofMillis(10), () -> fx.deliveries(reader, sub, "delivered").size()
                == fx.deliveries(reader, sub, null).size());
        int owed = fx.deliveries(reader, sub, null).size();
        assertThat(owed).isGreaterThanOrEqualTo(24);
        assertThat(lms.received()).hasSize(owed).allMatch(WebhookReceiver.Received::verified);
        assertThat(lms.received().stream().map(WebhookReceiver.Received::id)).doesNotHaveDuplicates();
    }

    @Test
    void aReceiverDownThenUpGetsEverythingOnceInPerPersonOrderFromThreeDispatchers() throws Exception {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        lms.reply(WebhookReceiver.Reply.of(503));
        String sub = fx.subscribe(lms, "person.*", "account.*");
        List<String> users = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(fx.hire(hr, "down" + i, "W-DN" + i));
        }
        for (String u : users) {
            fx.rename(hr, u, "Analyst");
            fx.rename(hr, u, "Senior Analyst");
        }
        List<Dispatcher> others = List.of(server.services().newDispatcher(3), server.services().newDispatcher(3));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 60; round++) {
                if (round == 5) {
                    lms.reply(WebhookReceiver.Reply.of(204));
                }
                List<Future<?>> passes = others.stream().map(d -> pool.submit(d::runOnce)).collect(Collectors.toList());
                for (Future<?> p : passes) {
                    p.get(30, TimeUnit.SECONDS);
                }
                // the server's own dispatcher may still be sending or recording: jumping the clock past its
                // lease then would let another reclaim a delivery in flight (a duplicate no real clock makes)
                for (int wait = 0; wait < 100 && !fx.deliveries(reader, sub, "leased").isEmpty(); wait++) {
                    Thread.sleep(50);
                }
                // every retry is due again (the schedule's longest wait with its jitter is under 12 h)
                server.clock().advance(Duration.ofHours(12));
                if (round > 5 && fx.deliveries(reader, sub, "delivered").size() == fx.deliveries(reader, sub, null).size()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int owed = fx.deliveries(reader, sub, null).size();
        assertThat(fx.deliveries(reader, sub, "delivered")).hasSize(owed);
        assertThat(owed).isGreaterThanOrEqualTo(16);
        java.util.Map<String, List<Long>> accepted = new java.util.HashMap<>();
        List<String> acceptedIds = new java.util.ArrayList<>();
        for (WebhookReceiver.Received r : lms.received()) {
            if (r.answered() == 204) {
                acceptedIds.add(r.id());
                accepted.computeIfAbsent(r.body().get("personId").asText(), k -> new java.util.ArrayList<>())
                        .add(r.body().get("sequence").asLong());
            }
        }
        assertThat(acceptedIds).hasSize(owed).doesNotHaveDuplicates();
        assertThat(accepted).hasSize(4).allSatisfy((person, seqs) -> assertThat(seqs).isSorted());
    }

    @Test
    void aLeaseOfADeadDispatcherIsReclaimedWhenItRunsOut() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "person.created");
        List<ClaimedDelivery> taken = List.of();
        // the crashed dispatcher claims right after the push; the server's own may win a round: bounded retries
        for (int i = 0; i < 5 && taken.isEmpty(); i++) {
            fx.hire(hr, "lease" + i, "W-L" + i);
            Instant now = Timestamps.now(server.clock());
            taken = server.services().deliveryClaims().claim(now, "crashed-dispatcher", now.plusSeconds(5), 10);
        }
        assertThat(taken).hasSize(1);
        String eventId = taken.get(0).eventId();
        long before = lms.received().stream().filter(r -> r.id().equals(eventId)).count();
        assertThat(before).isZero();
        server.clock().advance(Duration.ofSeconds(4));
        sleepMillis(600);
        assertThat(lms.received().stream().filter(r -> r.id().equals(eventId))).as("still leased").isEmpty();
        fx.eventually(Duration.ofMillis(100), () -> lms.received().stream().anyMatch(r -> r.id().equals(eventId)));
        fx.eventually(Duration.ofMillis(10), () -> fx.deliveries(reader, sub, "delivered").stream()
                .anyMatch(d -> d.get("eventId").asText().equals(eventId)));
        assertThat(fx.deliveries(reader, sub, null).stream().filter(d -> d.get("eventId").asText().equals(eventId))
                .findFirst().orElseThrow().get("attempts").asInt()).isEqualTo(1);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
