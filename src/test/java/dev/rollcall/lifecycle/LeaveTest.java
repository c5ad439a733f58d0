package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.Account;
import dev.rollcall.events.EventType;
import dev.rollcall.identity.Facts;
import dev.rollcall.identity.LifecycleState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Leave from the employment authority (in-memory stores). */
class LeaveTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private long pk(Account a) {
        return w.identity.person(a.personId()).orElseThrow().pk();
    }

    private long events(Account a, EventType type) {
        return w.identity.eventTypesOf(a.personId()).stream().filter(t -> t == type).count();
    }

    @Test
    void leaveInAnyCaseKeepsThePersonActiveMarksItAndStartsNoTimer() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.replace(w.hr, a, employee("W1").with("employmentStatus", "LEAVE"));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.store.lifecycleRows().onLeaveSince(pk(a))).isNotNull();
        assertThat(events(a, EventType.PERSON_LEAVE_STARTED)).isEqualTo(1);
        assertThat(w.store.timers().all()).isEmpty();
        assertThat(w.identity.audit()).anySatisfy(r -> assertThat(r.record().action()).isEqualTo("person.leave_start"));
    }

    @Test
    void aSecondLeavePushChangesNothingAndTheReturnEndsIt() {
        Account a = w.create(w.hr, "ada", employee("W1").with("employmentStatus", "leave"));
        w.replace(w.hr, a, employee("W1").with("employmentStatus", "leave").department("Sales"));
        assertThat(events(a, EventType.PERSON_LEAVE_STARTED)).isEqualTo(1);
        w.clock.advance(Duration.ofDays(90));

        w.replace(w.hr, a, employee("W1").with("employmentStatus", "active"));

        assertThat(w.store.lifecycleRows().onLeaveSince(pk(a))).isNull();
        assertThat(events(a, EventType.PERSON_LEAVE_ENDED)).isEqualTo(1);
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void aWeakerSourceSayingLeaveIsIgnored() {
        Account hr = w.create(w.hr, "ada", employee("W1"));
        w.create(w.idp, "ada@okta", Facts.named("Ada", "Byron").employeeNumber("W1").with("employmentStatus", "leave"));

        assertThat(w.store.lifecycleRows().onLeaveSince(pk(hr))).isNull();
        assertThat(events(hr, EventType.PERSON_LEAVE_STARTED)).isZero();
    }

    @Test
    void aTerminationWhileOnLeaveSuspendsAndClearsTheLeave() {
        Account a = w.create(w.hr, "ada", employee("W1").with("employmentStatus", "leave"));

        w.replace(w.hr, a, employee("W1").with("employmentStatus", "leave").inactive());

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.store.lifecycleRows().onLeaveSince(pk(a))).isNull();
        assertThat(w.store.timers().withStatus("pending")).singleElement()
                .satisfies(t -> assertThat(t.timer().kind()).isEqualTo(TimerKind.DEPROVISION));
    }

    @Test
    void aRescindIntoLeaveMarksTheLeaveAgain() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.replace(w.hr, a, employee("W1").inactive());

        w.replace(w.hr, a, employee("W1").with("employmentStatus", "leave"));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.store.lifecycleRows().onLeaveSince(pk(a))).isNotNull();
    }
}
