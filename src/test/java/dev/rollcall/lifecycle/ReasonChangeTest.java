package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.Account;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.LifecycleState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A changed termination reason while suspended moves the deprovision to the new reason's grace (in-memory stores). */
class ReasonChangeTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private List<Timer> pendingDeprovisions() {
        return w.store.timers().withStatus("pending").stream().map(InMemoryTimers.Row::timer)
                .filter(t -> t.kind() == TimerKind.DEPROVISION).toList();
    }

    @Test
    void aNewReasonGetsItsGraceCountedFromTheOriginalSuspension() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.replace(w.hr, a, employee("W1").inactive());
        Instant since = w.identity.lifecycleOf(a.personId()).orElseThrow().since();
        w.clock.advance(Duration.ofDays(2));

        w.replace(w.hr, a, employee("W1").inactive().with("terminationReason", "resignation"));

        var lifecycle = w.identity.lifecycleOf(a.personId()).orElseThrow();
        assertThat(lifecycle.reason()).isEqualTo("resignation");
        assertThat(lifecycle.since()).isEqualTo(since);
        assertThat(lifecycle.graceUntil()).isEqualTo(since.plus(Duration.ofDays(14)));
        assertThat(pendingDeprovisions()).singleElement().satisfies(t -> {
            assertThat(t.dueAt()).isEqualTo(since.plus(Duration.ofDays(14)));
            assertThat(t.reason()).isEqualTo("resignation");
        });
        EventPayload.PersonGraceChanged changed = w.last(a.personId(), EventPayload.PersonGraceChanged.class);
        assertThat(changed.cause()).isEqualTo("termination_reason_changed");
        assertThat(changed.deprovisionAt()).isEqualTo(since.plus(Duration.ofDays(14)).toString());
        assertThat(w.identity.audit()).anySatisfy(r -> assertThat(r.record().action()).isEqualTo("person.regrace"));
    }

    @Test
    void aShorterGraceThatIsAlreadyOverDeprovisionsOnTheNextPass() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.replace(w.hr, a, employee("W1").inactive().with("terminationReason", "resignation"));
        w.clock.advance(Duration.ofDays(1));

        w.replace(w.hr, a, employee("W1").inactive().with("terminationReason", "involuntary"));
        w.scheduler.runOnce();

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
        assertThat(w.last(a.personId(), EventPayload.PersonDeprovisioned.class).reason()).isEqualTo("involuntary");
    }

    @Test
    void theSameReasonAgainChangesNothing() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.replace(w.hr, a, employee("W1").inactive().with("terminationReason", "resignation"));

        w.replace(w.hr, a, employee("W1").inactive().with("terminationReason", "resignation").department("Ops"));

        assertThat(w.store.timers().all()).hasSize(1);
        assertThat(w.identity.eventTypesOf(a.personId())).doesNotContain(dev.rollcall.events.EventType.PERSON_GRACE_CHANGED);
    }
}
