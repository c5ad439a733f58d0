package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import java.time.Instant;
import org.jooq.JSON;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditChainTest {
    /** An instance field, so one server per test: the tests tamper with the chain. */
    @RegisterExtension
    final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("hr-audit", SourceKind.HRIS)
            .source("idp-audit", SourceKind.IDP)
            .source("crm-audit", SourceKind.CRM)
            .build();
    AuditChain chain;

    @BeforeEach
    void chain() {
        chain = server.services().auditChain();
    }

    private void sealEverything() {
        while (chain.sealPending(Instant.now().plusSeconds(60), 2) > 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    void sealedChainVerifiesIntact() {
        sealEverything();
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.sealedRows()).isGreaterThanOrEqualTo(3);
        assertThat(v.unsealedRows()).isZero();
    }

    @Test
    void rowsNewerThanTheSettleTimeWaitForTheNextRound() {
        assertThat(chain.sealPending(Instant.now().minusSeconds(3600), 100)).isZero();
        assertThat(chain.verify().unsealedRows()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void editingASealedRowBreaksTheChainAtThatRow() {
        sealEverything();
        long second = server.services().database().dsl().select(AUDIT.SEQ).from(AUDIT).orderBy(AUDIT.SEQ)
                .offset(1).limit(1).fetchOne(AUDIT.SEQ);
        server.services().database().dsl().update(AUDIT).set(AUDIT.AFTER_STATE, JSON.valueOf("{\"name\":\"forged\"}"))
                .where(AUDIT.SEQ.eq(second)).execute();
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).hasValue(second);
    }

    @Test
    void deletingASealedRowBreaksTheChain() {
        sealEverything();
        long first = server.services().database().dsl().select(AUDIT.SEQ).from(AUDIT).orderBy(AUDIT.SEQ)
                .limit(1).fetchOne(AUDIT.SEQ);
        server.services().database().dsl().deleteFrom(AUDIT).where(AUDIT.SEQ.eq(first)).execute();
        assertThat(chain.verify().intact()).isFalse();
    }
}
