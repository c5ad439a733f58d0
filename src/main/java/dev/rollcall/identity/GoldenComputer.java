package dev.rollcall.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a person's golden record from ALL its linked accounts with the authority matrix: per
 * attribute, the value of the strongest allowed source kind wins; a weaker source's value stays on
 * its account only. Among equally strong accounts the latest push wins, except for the manager:
 * the flagged primary, else the configured rule; other managers are kept as {@code manager.secondary}.
 * When the manager changes, the one before stays as {@code manager.previous} until
 * {@code manager.previousUntil} (the manager grace), so that a reorg does not break every assignment
 * downstream at once; a second change inside the grace keeps the latest previous one.
 */
public final class GoldenComputer {
    public static final String MANAGER = "manager";
    public static final String MANAGER_PRIMARY_FLAG = "manager.primary";
    public static final String MANAGER_SECONDARY = "manager.secondary";
    /** The manager before the last change, kept (with {@link #MANAGER_PREVIOUS_UNTIL}) for the manager grace. */
    public static final String MANAGER_PREVIOUS = "manager.previous";
    /** Until when (ISO-8601 instant) {@link #MANAGER_PREVIOUS} is kept; a lifecycle timer removes both then. */
    public static final String MANAGER_PREVIOUS_UNTIL = "manager.previousUntil";
    /** How long a previous manager stays visible by default. */
    public static final Duration DEFAULT_MANAGER_GRACE = Duration.ofDays(7);

    private final Duration managerGrace;

    public record Result(GoldenRecord golden, List<AttributeChange> changes) {
    }

    /** With the default manager grace (P7D). */
    public GoldenComputer() {
        this(DEFAULT_MANAGER_GRACE);
    }

    public GoldenComputer(Duration managerGrace) {
        if (managerGrace.isNegative()) {
            throw new IllegalArgumentException("the manager grace must not be negative, got " + managerGrace);
        }
        this.managerGrace = managerGrace;
    }

    public Result compute(GoldenRecord previous, List<LinkedAccount> accounts, AuthorityMatrix matrix,
                          PrimaryManagerRule managerRule, Instant now) {
        Set<String> attributes = new TreeSet<>();
        accounts.forEach(a -> attributes.addAll(a.facts().attributes().keySet()));
        attributes.remove(MANAGER_PRIMARY_FLAG);
        attributes.remove(MANAGER_PREVIOUS);
        attributes.remove(MANAGER_PREVIOUS_UNTIL);
        TreeMap<String, GoldenValue> values = new TreeMap<>();
        for (String attr : attributes) {
            List<LinkedAccount> eligible = accounts.stream()
                    .filter(a -> a.facts().attributes().get(attr) != null && matrix.rank(attr, a.kind()) >= 0)
                    .toList();
            if (eligible.isEmpty()) {
                continue;
            }
            int best = eligible.stream().mapToInt(a -> matrix.rank(attr, a.kind())).min().orElseThrow();
            List<LinkedAccount> strongest = eligible.stream().filter(a -> matrix.rank(attr, a.kind()) == best).toList();
            LinkedAccount winner = attr.equals(MANAGER) ? primaryManager(strongest, managerRule) : newest(strongest);
            values.put(attr, value(previous, attr, winner, now));
            if (attr.equals(MANAGER)) {
                secondaryManager(previous, eligible, winner, now).ifPresent(v -> values.put(MANAGER_SECONDARY, v));
            }
        }
        previousManager(previous, values, now);
        return new Result(new GoldenRecord(values), diff(previous, values));
    }

    /** A changed manager leaves the one before visible for the grace; otherwise the running grace is kept. */
    private void previousManager(GoldenRecord previous, Map<String, GoldenValue> values, Instant now) {
        GoldenValue before = previous.values().get(MANAGER);
        GoldenValue after = values.get(MANAGER);
        if (before != null && before.value() != null && (after == null || !before.value().equals(after.value()))) {
            Provenance from = new Provenance(before.provenance().sourceId(), before.provenance().accountId(), now);
            values.put(MANAGER_PREVIOUS, new GoldenValue(before.value(), from));
            values.put(MANAGER_PREVIOUS_UNTIL, new GoldenValue(now.plus(managerGrace).toString(), from));
        } else if (previous.values().containsKey(MANAGER_PREVIOUS)) {
            values.put(MANAGER_PREVIOUS, previous.values().get(MANAGER_PREVIOUS));
            GoldenValue until = previous.values().get(MANAGER_PREVIOUS_UNTIL);
            if (until != null) {
                values.put(MANAGER_PREVIOUS_UNTIL, until);
            }
        }
    }

    private static LinkedAccount newest(List<LinkedAccount> accounts) {
        return accounts.stream().max(Comparator.comparing(LinkedAccount::updatedAt).thenComparing(LinkedAccount::pk))
                .orElseThrow();
    }

    private static LinkedAccount primaryManager(List<LinkedAccount> accounts, PrimaryManagerRule rule) {
        List<LinkedAccount> flagged = accounts.stream()
                .filter(a -> "true".equals(a.facts().attributes().get(MANAGER_PRIMARY_FLAG))).toList();
        List<LinkedAccount> pool = flagged.isEmpty() ? accounts : flagged;
        if (rule == PrimaryManagerRule.OLDEST) {
            return pool.stream().min(Comparator.comparing(LinkedAccount::createdAt).thenComparing(LinkedAccount::pk))
                    .orElseThrow();
        }
        return newest(pool);
    }

    /** Other managers named by the person's accounts, so a second reporting line is never lost. */
    private static java.util.Optional<GoldenValue> secondaryManager(GoldenRecord previous, List<LinkedAccount> eligible,
                                                                    LinkedAccount winner, Instant now) {
        String primary = winner.facts().attributes().get(MANAGER);
        Set<String> others = new LinkedHashSet<>();
        LinkedAccount from = null;
        for (LinkedAccount a : eligible) {
            String m = a.facts().attributes().get(MANAGER);
            if (!m.equals(primary) && others.add(m) && from == null) {
                from = a;
            }
        }
        if (from == null) {
            return java.util.Optional.empty();
        }
        String joined = String.join(",", others);
        GoldenValue old = previous.values().get(MANAGER_SECONDARY);
        if (old != null && joined.equals(old.value()) && old.provenance().accountId().equals(from.id())) {
            return java.util.Optional.of(old);
        }
        return java.util.Optional.of(new GoldenValue(joined, new Provenance(from.source().id(), from.id(), now)));
    }

    /** Keeps the old provenance (and its time) when neither the value nor the account changed. */
    private static GoldenValue value(GoldenRecord previous, String attr, LinkedAccount winner, Instant now) {
        String v = winner.facts().attributes().get(attr);
        GoldenValue old = previous.values().get(attr);
        if (old != null && Objects.equals(old.value(), v) && old.provenance().accountId().equals(winner.id())) {
            return old;
        }
        return new GoldenValue(v, new Provenance(winner.source().id(), winner.id(), now));
    }

    private static List<AttributeChange> diff(GoldenRecord previous, Map<String, GoldenValue> next) {
        List<AttributeChange> changes = new ArrayList<>();
        Set<String> all = new TreeSet<>(previous.values().keySet());
        all.addAll(next.keySet());
        for (String attr : all) {
            String before = previous.value(attr);
            String after = next.containsKey(attr) ? next.get(attr).value() : null;
            if (!Objects.equals(before, after)) {
                changes.add(new AttributeChange(attr, before, after));
            }
        }
        return changes;
    }
}
