package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.AuditVerification;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The serving process's sealer links every committed audit row within seconds, whatever the commit order. */
class AuditSealerServerTest {
    @RegisterExtension
    final RollcallServerExtension server = RollcallServerExtension.builder().source("hr-seal", SourceKind.HRIS).build();
    @Token("hr-seal") String token;

    @Test
    void rowsCommittedOutOfOrderOrRolledBackAmongConcurrentWritersAreAllSealed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Connection late = openWriter(); Connection rolledBack = openWriter()) {
            // two transactions hold seqs while concurrent requests commit rows after them
            List<CompletableFuture<Integer>> creates = IntStream.range(0, 36).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> server.post("/scim/v2/Users", token, "{\"userName\":\"seal-" + i + "@corp.example\"}").status(),
                    pool)).toList();
            assertThat(creates.stream().map(CompletableFuture::join)).containsOnly(201);
            // the rows after the open transactions are sealed before these end
            assertThat(await(v -> v.unsealedRows() == 0).pendingSeqs()).isEqualTo(2);
            late.commit();
            rolledBack.rollback();
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = await(done -> done.unsealedRows() == 0 && done.pendingSeqs() == 0);
        assertThat(v.intact()).as(v.problem().toString()).isTrue();
        assertThat(v.unsealedRows()).isZero();
        assertThat(v.pendingSeqs()).isZero();
        assertThat(server.services().database().dsl().fetchCount(DSL.table("audit"), DSL.field("action").eq("audit.gap")))
                .isGreaterThanOrEqualTo(1);
    }

    private Connection openWriter() throws Exception {
        Connection c = server.services().database().dataSource().getConnection();
        c.setAutoCommit(false);
        new AuditStore().append(DSL.using(c, SQLDialect.MARIADB), Instant.now(), new AuditStore.Entry("test:slow",
                "test.slow", "thing", null, null, null, null));
        return c;
    }

    /** Verifies until the condition holds, for at most 10 s (the sealer runs every second). */
    private AuditVerification await(Predicate<AuditVerification> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        AuditVerification v = server.services().auditChain().verify();
        while (!condition.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            v = server.services().auditChain().verify();
        }
        return v;
    }
}
