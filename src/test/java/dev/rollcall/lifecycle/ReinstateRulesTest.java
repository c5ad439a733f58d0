package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.directory.Account;
import dev.rollcall.events.Actor;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.identity.LifecycleState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** IT undoing its own revocation, and never the authoritative source's termination (in-memory stores). */
class ReinstateRulesTest {
    private static final Actor IT = Actor.of("admin:it");
    private final LifecycleWorld w = new LifecycleWorld();

    @Test
    void aRevokedPersonIsReinstatedWithItsDeprovisionCancelled() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.actions.revoke(IT, a.personId(), "resignation");
        w.replace(w.hr, a, employee("W1").with("title", "still employed"));
        assertThat(w.state(a.personId())).as("the source saying employed does not undo a revoke").isEqualTo(LifecycleState.SUSPENDED);

        w.actions.reinstate(IT, a.personId());

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        EventPayload.PersonReactivated back = w.last(a.personId(), EventPayload.PersonReactivated.class);
        assertThat(back.reason()).isEqualTo("reinstated");
        assertThat(back.previousState()).isEqualTo("suspended");
        assertThat(w.store.timers().withStatus("pending")).isEmpty();
        w.clock.advance(Duration.ofDays(30));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void aRevokedPersonWhoseGraceRanOutIsReinstatedFromDeprovisioned() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.actions.revoke(IT, a.personId(), null); // involuntary: no grace
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);

        w.actions.reinstate(IT, a.personId());

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.last(a.personId(), EventPayload.PersonReactivated.class).previousState()).isEqualTo("deprovisioned");
    }

    @Test
    void aPersonTheSourceTerminatedIsNotReinstatedEvenAfterARevoke() {
        Account terminated = w.create(w.hr, "ada", employee("W1"));
        w.replace(w.hr, terminated, employee("W1").inactive());
        Account superseded = w.create(w.hr, "bob", employee("W2"));
        w.actions.revoke(IT, superseded.personId(), "resignation");
        w.replace(w.hr, superseded, employee("W2").inactive());
        Account active = w.create(w.hr, "cy", employee("W3"));

        for (Account a : new Account[] {terminated, superseded, active}) {
            assertThatThrownBy(() -> w.actions.reinstate(IT, a.personId())).isInstanceOfSatisfying(IdentityException.class,
                    e -> assertThat(e.kind()).isEqualTo(IdentityException.Kind.CONFLICT));
        }
        assertThat(w.state(terminated.personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.state(superseded.personId())).isEqualTo(LifecycleState.SUSPENDED);

        w.replace(w.hr, superseded, employee("W2"));
        assertThat(w.state(superseded.personId())).as("the source's own rescind").isEqualTo(LifecycleState.ACTIVE);
    }
}
