package dev.rollcall.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.AccountChanges;
import dev.rollcall.directory.HoldDecisions;
import dev.rollcall.events.EventType;
import dev.rollcall.identity.Facts;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blast-radius breaker's rules over the in-memory stores: what counts as a termination or a
 * manager change, the absolute and percentage thresholds over a sliding window, what joins an open
 * hold, and approve (in arrival order) and reject.
 */
class HoldRulesTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private AccountChanges accounts(HoldThresholds thresholds) {
        return new AccountChanges(w.store.transactor(), w.resolution, w.lifecycle, new HoldGate(w.authority, thresholds),
                w.clock);
    }

    private final AccountChanges strict = accounts(new HoldThresholds(2, 0, 2, 0, Duration.ofHours(1)));
    private final HoldDecisions decisions = new HoldDecisions(w.store.transactor(), w.resolution, w.lifecycle, w.clock);

    private Account create(Source source, String userName, Facts facts) {
        return strict.create(LifecycleWorld.actor(source), "scim.user.create", source, LifecycleWorld.content(userName, facts));
    }

    private Account replace(Source source, Account a, Facts facts) {
        return strict.replace(LifecycleWorld.actor(source), "scim.user.replace", source, a.id(),
                current -> LifecycleWorld.content(a.userName(), facts));
    }

    private List<Account> employees(int n, String prefix) {
        List<Account> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(create(w.hr, prefix + i, LifecycleWorld.employee(prefix + "-" + i)));
        }
        return out;
    }


    private Hold onlyHold() {
        assertThat(w.store.holds().all()).hasSize(1);
        return w.store.holds().all().get(0);
    }

    @Test
    void aHoldOpensOnlyAboveBothTheAbsoluteCountAndTheShareOfActivePersons() {
        HoldThresholds t = HoldThresholds.defaults();
        assertThat(t.exceeded(ChangeKind.TERMINATION, 21, 100)).isTrue();
        assertThat(t.exceeded(ChangeKind.TERMINATION, 20, 100)).isFalse();
        assertThat(t.exceeded(ChangeKind.TERMINATION, 21, 1000)).isFalse();
        assertThat(t.exceeded(ChangeKind.TERMINATION, 51, 1000)).isTrue();
        assertThat(t.exceeded(ChangeKind.MANAGER_CHANGE, 21, 0)).isTrue();
        assertThatThrownBy(() -> new HoldThresholds(1, 101, 1, 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoldThresholds(1, 1, 1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void terminationsAboveTheThresholdAreStoredButTheirPersonLevelStepWaits() {
        List<Account> staff = employees(4, "u");
        for (Account a : staff) {
            replace(w.hr, a, LifecycleWorld.employee("u-" + staff.indexOf(a)).inactive());
        }

        assertThat(w.state(staff.get(0).personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.state(staff.get(1).personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.state(staff.get(2).personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.state(staff.get(3).personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.identity.account(staff.get(2).id()).orElseThrow().active()).isFalse();
        assertThat(w.identity.eventTypesOf(staff.get(2).personId())).doesNotContain(EventType.ACCOUNT_UPDATED,
                EventType.PERSON_SUSPENDED);
        Hold hold = onlyHold();
        assertThat(hold.status()).isEqualTo(HoldStatus.OPEN);
        assertThat(hold.trigger()).isEqualTo(ChangeKind.TERMINATION);
        assertThat(w.store.holds().itemsOf(hold.pk())).extracting(i -> i.push().accountId())
                .containsExactly(staff.get(2).id(), staff.get(3).id());
    }

    @Test
    void whileAHoldIsOpenLaterPushesOfAHeldAccountAndManagerChangesJoinItButOtherPushesPass() {
        List<Account> staff = employees(4, "u");
        terminateAll(staff.subList(0, 3));
        Hold hold = onlyHold();

        // HR takes the termination back: no termination by itself, but it must not overtake the held one
        replace(w.hr, staff.get(2), LifecycleWorld.employee("u-2").department("Back"));
        replace(w.hr, staff.get(3), LifecycleWorld.employee("u-3").with("manager", "m-9"));
        Account other = create(w.hr, "fresh", LifecycleWorld.employee("fresh-1"));
        replace(w.hr, other, LifecycleWorld.employee("fresh-1").department("Sales"));

        assertThat(w.store.holds().itemsOf(hold.pk())).extracting(i -> i.push().accountId())
                .containsExactly(staff.get(2).id(), staff.get(2).id(), staff.get(3).id());
        assertThat(w.store.holds().itemsOf(hold.pk()).get(1).push().kinds()).isEmpty();
        assertThat(w.store.holds().itemsOf(hold.pk()).get(2).push().kinds()).containsExactly(ChangeKind.MANAGER_CHANGE);
        assertThat(w.identity.eventTypesOf(other.personId())).contains(EventType.ACCOUNT_UPDATED);

        decisions.approve(LifecycleWorld.actor(w.hr), hold.id());
        assertThat(w.lifecycleEvents(staff.get(2).personId())).containsExactly(EventType.PERSON_SUSPENDED,
                EventType.PERSON_REACTIVATED);
        assertThat(w.state(staff.get(2).personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    private void assertAllSuspendedInArrivalOrderAndTheHoldApproved(List<Account> staff) {
        staff.forEach(a -> assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED));
        List<String> suspendedOrder = w.identity.events().stream()
                .filter(e -> e.event().payload().type() == EventType.PERSON_SUSPENDED)
                .map(e -> e.event().personId()).toList();
        assertThat(suspendedOrder).containsExactlyElementsOf(staff.stream().map(Account::personId).toList());
        assertThat(w.store.holds().all().get(0).status()).isEqualTo(HoldStatus.APPROVED);
    }

    private void terminateAll(List<Account> staff) {
        for (Account a : staff) {
            replace(w.hr, a, LifecycleWorld.employee(a.userName().replace("u", "u-")).inactive());
        }
    }

    @Test
    void aBurstOfManagerChangesIsHeldAndTheNewManagerStaysUnseenUntilApproval() {
        List<Account> staff = employees(4, "u");
        for (Account a : staff) {
            replace(w.hr, a, LifecycleWorld.employee("u-" + staff.indexOf(a)).with("manager", "boss-" + staff.indexOf(a)));
        }
        Hold hold = onlyHold();
        assertThat(hold.trigger()).isEqualTo(ChangeKind.MANAGER_CHANGE);
        assertThat(w.identity.person(staff.get(3).personId()).orElseThrow().golden().values()).doesNotContainKey("manager");
        assertThat(w.identity.person(staff.get(1).personId()).orElseThrow().golden().values().get("manager").value())
                .isEqualTo("boss-1");

        decisions.approve(LifecycleWorld.actor(w.hr), hold.id());

        assertThat(w.identity.person(staff.get(3).personId()).orElseThrow().golden().values().get("manager").value())
                .isEqualTo("boss-3");
        assertThat(w.state(staff.get(3).personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void aWeakerSourcesDeactivationIsNoTerminationButItsDeleteOfAnHrisAccountIs() {
        List<Account> staff = employees(3, "u");
        List<Account> idp = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            idp.add(create(w.idp, "idp" + i, LifecycleWorld.employee("u-" + i).email("u" + i + "@corp.example")));
        }
        idp.forEach(a -> replace(w.idp, a, LifecycleWorld.employee(a.userName()).inactive()));
        assertThat(w.store.holds().all()).isEmpty();

        staff.forEach(a -> strict.delete(LifecycleWorld.actor(w.hr), "scim.user.delete", w.hr, a.id(), current -> { }));

        assertThat(w.state(staff.get(2).personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.store.holds().itemsOf(onlyHold().pk())).singleElement()
                .satisfies(i -> assertThat(i.push().action()).isEqualTo(HeldPush.Action.DELETE));
    }

    @Test
    void thePercentageOfActivePersonsRaisesTheBarForALargeSource() {
        AccountChanges share = accounts(new HoldThresholds(2, 50, 2, 50, Duration.ofHours(1)));
        w.store.holds().setActivePersons(w.hr.id(), 10);
        List<Account> staff = employees(7, "u");
        for (Account a : staff) {
            share.replace(LifecycleWorld.actor(w.hr), "scim.user.replace", w.hr, a.id(),
                    current -> LifecycleWorld.content(a.userName(), LifecycleWorld.employee("u-" + staff.indexOf(a)).inactive()));
        }

        assertThat(w.state(staff.get(4).personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.state(staff.get(5).personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(onlyHold().triggerDetail()).contains("6 terminations");
    }

    @Test
    void theWindowSlidesSoAnHourLaterTheSameCountPasses() {
        List<Account> staff = employees(4, "u");
        terminateAll(staff.subList(0, 2));
        w.clock.advance(Duration.ofMinutes(61));
        terminateAll(staff.subList(2, 4));

        assertThat(w.store.holds().all()).isEmpty();
        assertThat(w.state(staff.get(3).personId())).isEqualTo(LifecycleState.SUSPENDED);
    }

    @Test
    void approvingAppliesTheHeldStepsInArrivalOrderAsIfTheyHadJustArrived() {
        List<Account> staff = employees(5, "u");
        terminateAll(staff);
        Hold hold = onlyHold();
        w.clock.advance(Duration.ofMinutes(10));

        int applied = decisions.approve(LifecycleWorld.actor(w.hr), hold.id());

        assertThat(applied).isEqualTo(3);
        assertAllSuspendedInArrivalOrderAndTheHoldApproved(staff);
        assertThatThrownBy(() -> decisions.approve(LifecycleWorld.actor(w.hr), hold.id()))
                .isInstanceOf(IdentityException.class);
        assertThatThrownBy(() -> decisions.reject(LifecycleWorld.actor(w.hr), hold.id()))
                .isInstanceOf(IdentityException.class);
    }

    @Test
    void aHeldPushThatCannotBeAppliedFailsAloneAndApprovingAgainResumesAfterIt() {
        List<Account> staff = employees(8, "u");
        terminateAll(staff); // the first two pass, six are held
        Hold hold = onlyHold();
        String poisoned = staff.get(5).personId();
        java.util.concurrent.atomic.AtomicBoolean poison = new java.util.concurrent.atomic.AtomicBoolean(true);
        // a transaction that applied the poisoned push fails (and rolls back): the run of six together, then that push alone
        dev.rollcall.kernel.Transactor<dev.rollcall.directory.DirectoryTx> failing = new dev.rollcall.kernel.Transactor<>() {
            @Override
            public <T> T inTransaction(java.util.function.Function<? super dev.rollcall.directory.DirectoryTx, T> work) {
                return w.store.transactor().inTransaction(tx -> {
                    T result = work.apply(tx);
                    if (poison.get() && w.state(poisoned) == LifecycleState.SUSPENDED) {
                        throw new IllegalStateException("this push cannot be applied");
                    }
                    return result;
                });
            }
        };
        HoldDecisions approving = new HoldDecisions(failing, w.resolution, w.lifecycle, w.clock);

        assertThatThrownBy(() -> approving.approve(LifecycleWorld.actor(w.hr), hold.id()))
                .hasMessage("this push cannot be applied");
        // the held pushes before it were applied one by one and kept; it and the ones after it wait
        staff.subList(0, 5).forEach(a -> assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED));
        staff.subList(5, 8).forEach(a -> assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE));
        assertThat(w.store.holds().all().get(0).status()).isEqualTo(HoldStatus.APPLYING);

        poison.set(false);
        assertThat(approving.approve(LifecycleWorld.actor(w.hr), hold.id())).isEqualTo(3);
        assertAllSuspendedInArrivalOrderAndTheHoldApproved(staff);
    }

    @Test
    void rejectingDiscardsTheHeldStepsAndTheAccountsKeepTheirData() {
        List<Account> staff = employees(4, "u");
        terminateAll(staff);
        Hold hold = onlyHold();

        assertThat(decisions.reject(LifecycleWorld.actor(w.hr), hold.id())).isEqualTo(2);

        assertThat(w.state(staff.get(3).personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.identity.account(staff.get(3).id()).orElseThrow().active()).isFalse();
        assertThat(w.store.holds().itemsOf(hold.pk())).extracting(HeldItem::status).containsOnly("discarded");
        assertThat(w.identity.audit()).anySatisfy(r -> assertThat(r.record().action()).isEqualTo("hold.reject"));
        w.clock.advance(Duration.ofHours(2));
        replace(w.hr, staff.get(3), LifecycleWorld.employee("u-3").inactive());
        assertThat(w.state(staff.get(3).personId())).isEqualTo(LifecycleState.SUSPENDED);
    }
}
