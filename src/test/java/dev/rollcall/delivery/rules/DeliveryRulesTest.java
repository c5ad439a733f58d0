package dev.rollcall.delivery.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delivery rules without a database: type matching, routing, backoff, Retry-After and verdicts. */
class DeliveryRulesTest {

    @Test
    void exactAndWildcardTypesMatch() {
        EventTypeFilter f = EventTypeFilter.of(List.of("person.*", "group.deleted"));
        assertThat(f.matches("person.created")).isTrue();
        assertThat(f.matches("person.deprovisioned")).isTrue();
        assertThat(f.matches("group.deleted")).isTrue();
        assertThat(f.matches("group.created")).isFalse();
        assertThat(f.matches("account.created")).isFalse();
        assertThat(EventTypeFilter.of(List.of("*")).matches("group.updated")).isTrue();
        assertThat(EventTypeFilter.parse(f.stored()).patterns()).containsExactly("person.*", "group.deleted");
    }

    @Test
    void patternsNamingNoTypeAreRefused() {
        assertThatThrownBy(() -> EventTypeFilter.of(List.of("person.hired"))).hasMessageContaining("person.hired");
        assertThatThrownBy(() -> EventTypeFilter.of(List.of("persons.*"))).hasMessageContaining("persons.*");
        assertThatThrownBy(() -> EventTypeFilter.of(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> EventTypeFilter.of(List.of(" "))).hasMessageContaining("empty");
    }

    @Test
    void unannouncedEventsAreRoutedNowhere() {
        List<SubscriptionTarget> subs = List.of(new SubscriptionTarget(1, EventTypeFilter.of(List.of("person.*")),
                PersonFilter.NONE), new SubscriptionTarget(2, EventTypeFilter.of(List.of("group.*")), PersonFilter.NONE));
        EventPayload p = new EventPayload.PersonCreated("p1", Map.of(), null, null);
        OutboxRouting routing = new OutboxRouting();
        assertThat(routing.subscribers(subs, NewEvent.aboutPerson(p, "p1", 1, null, true), () -> {
            throw new AssertionError("no filter needs the snapshot");
        })).containsExactly(1L);
        assertThat(routing.subscribers(subs, NewEvent.aboutPerson(p, "p1", 1, null, false), () -> null)).isEmpty();
    }

    @Test
    void scheduleGivesOneRetryPerEntryWithJitterOfAtMostAFifth() {
        RetrySchedule s = RetrySchedule.parse(RetrySchedule.DEFAULT);
        assertThat(s.maxAttempts()).isEqualTo(8);
        assertThat(s.nextDelay(1, Optional.empty(), () -> 0.0)).contains(Duration.ofSeconds(5));
        assertThat(s.nextDelay(1, Optional.empty(), () -> 1.0)).contains(Duration.ofSeconds(6));
        assertThat(s.nextDelay(2, Optional.empty(), () -> 0.5)).contains(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(s.nextDelay(7, Optional.empty(), () -> 0.0)).contains(Duration.ofHours(10));
        assertThat(s.nextDelay(8, Optional.empty(), () -> 0.0)).isEmpty();
        assertThat(s.nextDelay(1, Optional.of(Duration.ofSeconds(90)), () -> 0.9)).contains(Duration.ofSeconds(90));
        assertThat(s.nextDelay(1, Optional.of(Duration.ofDays(9)), () -> 0.0)).contains(Duration.ofDays(1));
        assertThatThrownBy(() -> RetrySchedule.parse("PT5S,5m")).hasMessageContaining("5m");
        assertThatThrownBy(() -> RetrySchedule.parse("-PT1S")).hasMessageContaining("negative");
    }

    @Test
    void verdictsFollowTheStatus() {
        Verdict.Judge judge = new Verdict.Judge(RetrySchedule.parse("PT1S,PT2S"), () -> 0.0);
        assertThat(judge.judge(204, Optional.empty(), 1, DeliveryLimits.DEFAULTS)).isInstanceOf(Verdict.Delivered.class);
        assertThat(judge.judge(410, Optional.empty(), 1, DeliveryLimits.DEFAULTS)).isInstanceOf(Verdict.Gone.class);
        assertThat(judge.judge(500, Optional.of(Duration.ofSeconds(30)), 1, DeliveryLimits.DEFAULTS)).isEqualTo(new Verdict.Retry(Duration.ofSeconds(1)));
        assertThat(judge.judge(429, Optional.of(Duration.ofSeconds(30)), 1, DeliveryLimits.DEFAULTS)).isEqualTo(new Verdict.Retry(Duration.ofSeconds(30)));
        assertThat(judge.judge(503, Optional.of(Duration.ofSeconds(7)), 2, DeliveryLimits.DEFAULTS)).isEqualTo(new Verdict.Retry(Duration.ofSeconds(7)));
        assertThat(judge.judge(null, Optional.empty(), 2, DeliveryLimits.DEFAULTS)).isEqualTo(new Verdict.Retry(Duration.ofSeconds(2)));
        assertThat(judge.judge(302, Optional.empty(), 3, DeliveryLimits.DEFAULTS)).isInstanceOf(Verdict.Dead.class);
    }

    @Test
    void aSubscriptionsOwnMaximumOfAttemptsRepeatsTheLastDelay() {
        Verdict.Judge judge = new Verdict.Judge(RetrySchedule.parse("PT1S,PT2S"), () -> 0.0);
        DeliveryLimits five = new DeliveryLimits(null, 5);
        assertThat(judge.judge(500, Optional.empty(), 4, five)).isEqualTo(new Verdict.Retry(Duration.ofSeconds(2)));
        assertThat(judge.judge(500, Optional.empty(), 5, five)).isInstanceOf(Verdict.Dead.class);
        assertThat(judge.judge(500, Optional.empty(), 1, new DeliveryLimits(null, 1))).isInstanceOf(Verdict.Dead.class);
    }

    @Test
    void limitsOutOfBoundsAreRefused() {
        assertThatThrownBy(() -> new DeliveryLimits(Duration.ofMillis(500), null)).hasMessageContaining("'timeout'");
        assertThatThrownBy(() -> new DeliveryLimits(Duration.ofMinutes(2), null)).hasMessageContaining("'timeout'");
        assertThatThrownBy(() -> new DeliveryLimits(null, 0)).hasMessageContaining("'maxAttempts'");
        assertThatThrownBy(() -> new DeliveryLimits(null, 51)).hasMessageContaining("'maxAttempts'");
        assertThat(new DeliveryLimits(null, null).timeoutOr(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aSubscriptionFailingLongerThanThePeriodIsDisabled() {
        FailureWatch watch = new FailureWatch(Duration.ofDays(5));
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(watch.disableReason(null, since)).isEmpty();
        assertThat(watch.disableReason(since, since.plus(Duration.ofDays(5)).minusSeconds(1))).isEmpty();
        assertThat(watch.disableReason(since, since.plus(Duration.ofDays(5)))).get().asString()
                .contains("2026-01-01T00:00:00Z").contains("ROLLCALL_WEBHOOK_DISABLE_AFTER");
        assertThatThrownBy(() -> new FailureWatch(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    @Test
    void nonPublicAddressesAreRefusedUnlessAllowListed() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of(Cidr.parse("127.0.0.1/32")));
        for (String refused : List.of("127.0.0.2", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "198.18.0.1",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.2",
                "64:ff9b::a00:1", "2001:db8::1")) {
            assertThat(policy.refusal(InetAddress.getByName(refused))).as(refused).isPresent();
        }
        for (String allowed : List.of("127.0.0.1", "8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
                "::ffff:8.8.8.8")) {
            assertThat(policy.refusal(InetAddress.getByName(allowed))).as(allowed).isEmpty();
        }
        assertThat(new AddressPolicy(List.of()).refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(new AddressPolicy(List.of(Cidr.parse("10.0.0.0/8"))).refusal(InetAddress.getByName("10.9.9.9"))).isEmpty();
    }

    @Test
    void cidrsAreLiteralsWithAValidPrefix() throws Exception {
        assertThat(Cidr.parse("100.64.0.0/10").contains(InetAddress.getByName("100.127.1.1"))).isTrue();
        assertThat(Cidr.parse("100.64.0.0/10").contains(InetAddress.getByName("100.128.0.0"))).isFalse();
        assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fdff::1"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    }
}
