package dev.rollcall.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.events.Actor;
import dev.rollcall.lifecycle.HeldItem;
import dev.rollcall.lifecycle.HeldPush;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an approval cuts the held pushes into runs applied one transaction each. */
class HoldRunsTest {
    private long nextPk = 1;

    private HeldItem held(String accountId) {
        long pk = nextPk++;
        return new HeldItem(pk, 7, new HeldPush(HeldPush.Action.REPLACE, pk, accountId, pk, Set.of(), Actor.of("source:hr"),
                null, List.of()), Instant.parse("2026-12-01T09:00:00Z"), "pending");
    }

    private static List<List<Long>> pks(List<List<HeldItem>> runs) {
        return runs.stream().map(r -> r.stream().map(HeldItem::pk).toList()).toList();
    }

    @Test
    void runsKeepArrivalOrderAndHoldAtMostAGroupEach() {
        List<HeldItem> items = new ArrayList<>();
        for (int i = 0; i < HoldDecisions.GROUP * 2 + 3; i++) {
            items.add(held("account-" + i));
        }
        List<List<HeldItem>> runs = HoldDecisions.runs(items);
        assertThat(runs).extracting(List::size).containsExactly(HoldDecisions.GROUP, HoldDecisions.GROUP, 3);
        assertThat(runs.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(items);
    }

    @Test
    void aSecondPushOfTheSameAccountStartsANewRunSoItSeesTheFirstApplied() {
        List<HeldItem> items = List.of(held("a"), held("b"), held("a"), held("c"), held("c"));
        assertThat(pks(HoldDecisions.runs(items))).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    }

    @Test
    void nothingPendingIsNoRun() {
        assertThat(HoldDecisions.runs(List.of())).isEmpty();
    }
}
