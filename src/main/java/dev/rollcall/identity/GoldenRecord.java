package dev.rollcall.identity;

import java.util.Map;
import java.util.TreeMap;

/**
 * The person's golden attributes, each with provenance. {@link GoldenComputer} computes it from all
 * linked accounts with the authority matrix.
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
}
