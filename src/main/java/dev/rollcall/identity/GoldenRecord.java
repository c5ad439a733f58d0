package dev.rollcall.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The person's golden attributes, each with provenance. {@link GoldenComputer} computes it from all
 * linked accounts with the authority matrix; {@link #apply} (latest writer wins) remains for callers
 * that have no matrix.
 */
public final class GoldenRecord {
    private final TreeMap<String, GoldenValue> values;

    public GoldenRecord(Map<String, GoldenValue> values) {
        this.values = new TreeMap<>(values);
    }

    public Map<String, GoldenValue> values() {
        return Map.copyOf(values);
    }

    /** The value of one attribute, or null. */
    public String value(String attribute) {
        GoldenValue v = values.get(attribute);
        return v == null ? null : v.value();
    }

    /** Applies one account's facts and returns what changed. */
    public List<AttributeChange> apply(AccountFacts facts, Provenance provenance) {
        List<AttributeChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> fact : facts.attributes().entrySet()) {
            GoldenValue old = values.get(fact.getKey());
            if (old == null || !Objects.equals(old.value(), fact.getValue())) {
                changes.add(new AttributeChange(fact.getKey(), old == null ? null : old.value(), fact.getValue()));
            }
            values.put(fact.getKey(), new GoldenValue(fact.getValue(), provenance));
        }
        List<String> dropped = new ArrayList<>();
        values.forEach((attr, v) -> {
            if (v.provenance().accountId().equals(provenance.accountId()) && !facts.attributes().containsKey(attr)) {
                dropped.add(attr);
            }
        });
        for (String attr : dropped) {
            changes.add(new AttributeChange(attr, values.remove(attr).value(), null));
        }
        return changes;
    }

    /** Forgets what an account contributed (it was deleted or unlinked). */
    public List<AttributeChange> removeAccount(String accountId) {
        List<AttributeChange> changes = new ArrayList<>();
        values.entrySet().removeIf(e -> {
            if (e.getValue().provenance().accountId().equals(accountId)) {
                changes.add(new AttributeChange(e.getKey(), e.getValue().value(), null));
                return true;
            }
            return false;
        });
        return changes;
    }
}
