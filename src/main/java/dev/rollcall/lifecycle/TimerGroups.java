package dev.rollcall.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a claimed batch into the groups fired one transaction each, so that a commit is shared by
 * several timers. The batch is spread over the threads first (a group is at most the batch's share
 * of one thread, so a small batch still fires one timer per transaction on every thread), then
 * capped at {@code max}. Groups follow person keys: each transaction locks its persons in ascending
 * order and no two groups share a person, so groups fired at once never wait for each other's
 * persons, and a person's timers fire in one group in their due order.
 */
final class TimerGroups {
    private static final Comparator<Timer> BY_PERSON =
            Comparator.comparingLong(Timer::personPk).thenComparing(Timer::dueAt).thenComparingLong(Timer::pk);

    private TimerGroups() {
    }

    static List<List<Timer>> split(List<Timer> due, int threads, int max) {
        int size = Math.max(1, Math.min(max, due.size() / Math.max(1, threads)));
        List<Timer> sorted = new ArrayList<>(due);
        sorted.sort(BY_PERSON);
        List<List<Timer>> groups = new ArrayList<>();
        List<Timer> current = new ArrayList<>();
        for (Timer t : sorted) {
            boolean samePerson = !current.isEmpty() && current.get(current.size() - 1).personPk() == t.personPk();
            if (current.size() >= size && !samePerson) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
