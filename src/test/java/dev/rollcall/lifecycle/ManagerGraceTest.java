package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.Account;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.GoldenRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reorg: a manager change goes out at once and the previous manager stays for the grace (in-memory stores). */
class ManagerGraceTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private GoldenRecord golden(Account a) {
        return w.identity.person(a.personId()).orElseThrow().golden();
    }

    private Instant pendingGraceEnd() {
        return w.store.timers().withStatus("pending").stream()
                .filter(r -> r.timer().kind() == TimerKind.MANAGER_GRACE_END).map(r -> r.timer().dueAt())
                .reduce((x, y) -> {
                    throw new AssertionError("two pending manager grace timers");
                }).orElse(null);
    }

    @Test
    void aManagerChangeGoesOutAtOnceWithThePreviousManagerAndItsEndTime() {
        Account a = w.create(w.hr, "ada", employee("W1").with("manager", "boss-1"));

        w.replace(w.hr, a, employee("W1").with("manager", "boss-2"));

        GoldenRecord g = golden(a);
        assertThat(g.value("manager")).isEqualTo("boss-2");
        assertThat(g.value(GoldenComputer.MANAGER_PREVIOUS)).isEqualTo("boss-1");
        Instant until = Instant.parse(g.value(GoldenComputer.MANAGER_PREVIOUS_UNTIL));
        assertThat(pendingGraceEnd()).isEqualTo(until);
        EventPayload.PersonUpdated updated = w.last(a.personId(), EventPayload.PersonUpdated.class);
        assertThat(updated.changes()).extracting(EventPayload.AttributeChange::attribute)
                .containsExactlyInAnyOrder("manager", GoldenComputer.MANAGER_PREVIOUS, GoldenComputer.MANAGER_PREVIOUS_UNTIL);
    }

    @Test
    void aSecondChangeInsideTheGraceKeepsTheLatestPreviousManagerAndMovesTheTimer() {
        Account a = w.create(w.hr, "ada", employee("W1").with("manager", "boss-1"));
        w.replace(w.hr, a, employee("W1").with("manager", "boss-2"));
        Instant first = pendingGraceEnd();
        w.clock.advance(Duration.ofDays(2));

        w.replace(w.hr, a, employee("W1").with("manager", "boss-3"));

        assertThat(golden(a).value(GoldenComputer.MANAGER_PREVIOUS)).isEqualTo("boss-2");
        assertThat(pendingGraceEnd()).isAfter(first.plus(Duration.ofDays(2)).minusSeconds(1));
        assertThat(w.store.timers().withStatus("cancelled")).hasSize(1);
    }

    @Test
    void whenTheGraceEndsThePreviousManagerIsRemovedWithAnUpdate() {
        Account a = w.create(w.hr, "ada", employee("W1").with("manager", "boss-1"));
        w.replace(w.hr, a, employee("W1").with("manager", "boss-2"));
        w.clock.advance(Duration.ofDays(6));
        w.scheduler.runOnce();
        assertThat(golden(a).value(GoldenComputer.MANAGER_PREVIOUS)).isEqualTo("boss-1");

        w.clock.advance(Duration.ofDays(1).plusSeconds(1));
        w.scheduler.runOnce();

        assertThat(golden(a).value(GoldenComputer.MANAGER_PREVIOUS)).isNull();
        assertThat(golden(a).value(GoldenComputer.MANAGER_PREVIOUS_UNTIL)).isNull();
        assertThat(golden(a).value("manager")).isEqualTo("boss-2");
        EventPayload.PersonUpdated ended = w.last(a.personId(), EventPayload.PersonUpdated.class);
        assertThat(ended.cause()).isEqualTo("manager_grace.ended");
        assertThat(ended.changes()).extracting(EventPayload.AttributeChange::newValue).containsOnlyNulls();
        assertThat(w.store.timers().withStatus("fired")).hasSize(1);
        assertThat(w.identity.audit()).anySatisfy(r -> assertThat(r.record().action()).isEqualTo("person.manager_grace_end"));
    }

    @Test
    void anUnrelatedChangeKeepsTheRunningGraceAsItIs() {
        Account a = w.create(w.hr, "ada", employee("W1").with("manager", "boss-1"));
        w.replace(w.hr, a, employee("W1").with("manager", "boss-2"));
        Instant until = pendingGraceEnd();
        w.clock.advance(Duration.ofDays(1));

        w.replace(w.hr, a, employee("W1").with("manager", "boss-2").department("Sales"));

        assertThat(golden(a).value(GoldenComputer.MANAGER_PREVIOUS)).isEqualTo("boss-1");
        assertThat(pendingGraceEnd()).isEqualTo(until);
        assertThat(w.store.timers().all()).hasSize(1);
    }

    @Test
    void aFirstManagerIsNoChangeAndStartsNoGrace() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.replace(w.hr, a, employee("W1").with("manager", "boss-1"));

        assertThat(golden(a).value(GoldenComputer.MANAGER_PREVIOUS)).isNull();
        assertThat(w.store.timers().all()).isEmpty();
    }
}
