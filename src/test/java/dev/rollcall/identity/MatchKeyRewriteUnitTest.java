package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A replace rewrites an account's match keys only when its facts give other keys (AccountResolution.changed). */
class MatchKeyRewriteUnitTest {
    private final IdentityWorld w = new IdentityWorld();

    @Test
    void aChangeThatLeavesTheKeysAsTheyWereDoesNotRewriteThem() {
        Facts before = Facts.named("Ada", "Byron").email("ada.byron@corp.com").worker("W1");
        w.pushed(w.hr, "hr-1", before.build());
        long pk = w.store.account("hr-1").orElseThrow().pk();
        var keys = w.store.tables().keys.get(pk);

        w.change("hr-1", before.build(), before.department("Research").build());

        assertThat(w.store.tables().keyWrites.get(pk)).isEqualTo(1);
        assertThat(w.store.tables().keys.get(pk)).isEqualTo(keys);
    }

    @Test
    void aChangedEmailRewritesTheKeys() {
        Facts before = Facts.named("Ada", "Byron").email("ada.byron@corp.com").worker("W1");
        w.pushed(w.hr, "hr-1", before.build());
        long pk = w.store.account("hr-1").orElseThrow().pk();

        w.change("hr-1", before.build(), Facts.named("Ada", "Byron").email("ada.lovelace@corp.com").worker("W1").build());

        assertThat(w.store.tables().keyWrites.get(pk)).isEqualTo(2);
        assertThat(w.store.tables().keys.get(pk)).contains(new MatchKey(MatchKey.EMAIL, "ada.lovelace@corp.com"))
                .doesNotContain(new MatchKey(MatchKey.EMAIL, "ada.byron@corp.com"));
    }

    @Test
    void unknownStoredFactsRewriteTheKeys() {
        Facts before = Facts.named("Ada", "Byron").email("ada.byron@corp.com").worker("W1");
        w.pushed(w.hr, "hr-1", before.build());
        long pk = w.store.account("hr-1").orElseThrow().pk();

        w.change("hr-1", null, before.department("Research").build());

        assertThat(w.store.tables().keyWrites.get(pk)).isEqualTo(2);
    }

    @Test
    void aParkedAccountRematchedWithoutSuccessKeepsItsKeys() {
        Facts parked = Facts.named("Joe", "Early").email("joe.personal@mail.example");
        w.pushed(w.idp, "idp-1", parked.build());
        long pk = w.store.account("idp-1").orElseThrow().pk();
        var keys = w.store.tables().keys.get(pk);

        w.change("idp-1", parked.build(), parked.department("Sales").build());

        assertThat(w.store.tables().keys.get(pk)).isNotEmpty().isEqualTo(keys);
    }
}
