package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The lowest waiting delivery of each (subscription, person) chain among the rows offered, and making
 * those due in one update: how a finished head and a replay each release a chain's next delivery.
 */
final class WaitingHeads {
    private final Map<String, Long> pks = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    /** A waiting delivery of the chain; kept while its sequence is the lowest seen (none sorts first, as in ORDER BY). */
    void offer(String chain, long pk, Long personSeq) {
        long seq = personSeq == null ? Long.MIN_VALUE : personSeq;
        Long lowest = sequences.get(chain);
        if (lowest == null || seq < lowest) {
            sequences.put(chain, seq);
            pks.put(chain, pk);
        }
    }

    /** Makes the lowest waiting delivery of every chain offered, except those named, due at {@code at}. */
    void release(DSLContext tx, LocalDateTime at, Set<String> except) {
        List<Long> released = pks.entrySet().stream().filter(e -> !except.contains(e.getKey())).map(Map.Entry::getValue).toList();
        if (!released.isEmpty()) {
            tx.update(DELIVERY).set(DELIVERY.NEXT_ATTEMPT_AT, at).where(DELIVERY.PK.in(released)).execute();
        }
    }
}
