package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fake keeps the promises of the database store that the domain relies on. */
class InMemoryIdentityStoreTest {
    private static final Instant T = Instant.parse("2026-03-02T09:30:00Z");
    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final Source hr = store.addSource("workday", SourceKind.HRIS, true);
    private final Source idp = store.addSource("okta", SourceKind.IDP, false);
    private final IdentityTx tx = store.ports();

    @Test
    void provisionalPersonsHaveNoStateAndPromotionMakesThemActive() {
        PersonRef provisional = tx.persons().insert(T, true);
        PersonRef real = tx.persons().insert(T, false);
        assertThat(tx.persons().lock(provisional.pk()).state()).isNull();
        assertThat(tx.persons().lock(provisional.pk()).provisional()).isTrue();
        assertThat(tx.persons().lock(real.pk()).state()).isEqualTo(LifecycleState.ACTIVE);

        tx.persons().promote(provisional.pk(), T);
        assertThat(tx.persons().lock(provisional.pk()))
                .extracting(PersonRow::state, PersonRow::provisional).containsExactly(LifecycleState.ACTIVE, false);
    }

    @Test
    void lockReturnsTheCurrentRowAfterSaveAndMerge() {
        PersonRef a = tx.persons().insert(T, false);
        PersonRef b = tx.persons().insert(T, false);
        GoldenRecord golden = new GoldenRecord(Map.of("department",
                new GoldenValue("Finance", new Provenance(hr.id(), "acc-1", T))));
        tx.persons().save(a.pk(), golden, 4, T);
        tx.persons().markMerged(a.pk(), b.pk(), T);

        PersonRow row = tx.persons().lock(a.pk());
        assertThat(row.golden().value("department")).isEqualTo("Finance");
        assertThat(row.eventSeq()).isEqualTo(4);
        assertThat(row.mergedIntoPk()).isEqualTo(b.pk());
        assertThat(tx.persons().byId(a.id())).contains(a);
    }

    @Test
    void linkWorkerKeepsAnExistingLinkWhileMovesRepointIt() {
        PersonRef a = tx.persons().insert(T, false);
        PersonRef b = tx.persons().insert(T, false);
        tx.matching().linkWorker("W1", a.pk(), T);
        tx.matching().linkWorker("W1", b.pk(), T);
        assertThat(tx.matching().personOfWorker("W1")).contains(a);

        tx.matching().moveWorker("W1", b.pk());
        tx.matching().moveWorker("W-unknown", b.pk());
        assertThat(tx.matching().personOfWorker("W1")).contains(b);
        assertThat(tx.matching().personOfWorker("W-unknown")).isEmpty();

        tx.matching().linkWorker("W2", b.pk(), T);
        tx.matching().moveWorkerLinks(b.pk(), a.pk());
        assertThat(tx.matching().personOfWorker("W1")).contains(a);
        assertThat(tx.matching().personOfWorker("W2")).contains(a);
    }

    @Test
    void hitsAreTheAccountsHavingAnyOfTheKeysWithTheirPersonAndSourceKind() {
        PersonRef jane = tx.persons().insert(T, false);
        PersonRef joe = tx.persons().insert(T, true);
        long hrAccount = store.insertAccount(hr.id(), "acc-hr", jane.pk(), null, "jane", null, true, "{}", T);
        long idpAccount = store.insertAccount(idp.id(), "acc-idp", joe.pk(), null, "joe", null, true, "{}", T);
        MatchKey janeMail = new MatchKey(MatchKey.EMAIL, "jane@corp.com");
        MatchKey sharedName = new MatchKey(MatchKey.NAME, "j doe");
        tx.matching().saveKeys(hrAccount, Set.of(janeMail, sharedName), false);
        tx.matching().saveKeys(idpAccount, Set.of(sharedName), false);

        assertThat(tx.matching().hits(List.of(janeMail, sharedName, new MatchKey(MatchKey.EMAIL, "x@y.z")), 10))
                .extracting(MatchLookup.KeyHit::accountId, h -> h.person().id(), MatchLookup.KeyHit::sourceKind)
                .containsExactlyInAnyOrder(
                        tuple("acc-hr", jane.id(), SourceKind.HRIS),
                        tuple("acc-hr", jane.id(), SourceKind.HRIS),
                        tuple("acc-idp", joe.id(), SourceKind.IDP));
        assertThat(tx.matching().hits(List.of(sharedName), 1)).hasSize(1);

        tx.accounts().relink(idpAccount, jane.pk());
        tx.matching().saveKeys(idpAccount, Set.of(), true);
        assertThat(tx.matching().hits(List.of(sharedName), 10)).extracting(MatchLookup.KeyHit::accountId)
                .containsExactly("acc-hr");
        assertThat(tx.accounts().linked(jane.pk())).extracting(LinkedAccount::id).containsExactly("acc-hr", "acc-idp");
    }

    @Test
    void aFailingTransactionRollsEverythingBack() {
        PersonRef kept = store.transactor().inTransaction(t -> t.persons().insert(T, false));
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> store.transactor().inTransaction(t -> {
            PersonRef p = t.persons().insert(T, false);
            t.matching().linkWorker("W9", p.pk(), T);
            t.persons().markMerged(kept.pk(), p.pk(), T);
            t.events().append(T, List.of(NewEvent.aboutPerson(
                    new EventPayload.PersonCreated(p.id(), Map.of(), null, null), p.id(), 1, null, true)));
            t.audit().record(T, new AuditRecord(new Actor("admin:x", "c-1"), "person.merge", "person", p.id(), null, null));
            throw boom;
        })).isSameAs(boom);

        assertThat(store.personCount()).isEqualTo(1);
        assertThat(store.personByPk(kept.pk()).mergedIntoPk()).isNull();
        assertThat(store.workerOwner("W9")).isEmpty();
        assertThat(store.events()).isEmpty();
        assertThat(store.audit()).isEmpty();
        assertThat(store.transactor().rollbacks()).isEqualTo(1);
    }

    @Test
    void aPersonsEventsMustComeInSequence() {
        PersonRef p = tx.persons().insert(T, false);
        NewEvent second = NewEvent.aboutPerson(new EventPayload.PersonCreated(p.id(), Map.of(), null, null), p.id(), 2,
                null, true);
        assertThatThrownBy(() -> tx.events().append(T, List.of(second)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 1");
    }
}
