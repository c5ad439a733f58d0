package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Changes what a registered source is trusted with: whether the worker ids it pushes are strong keys, and
 * the attribute its accounts are correlated by. Audited in the change's transaction; takes effect for the
 * source's next push (existing links stay).
 */
public final class SourceSettingsChanges {
    private static final Set<String> CORRELATION_ATTRIBUTES = Set.of("userName", "email", "employeeNumber", "workerId");
    private final Transactor<? extends SourceRegistryTx> transactions;
    private final SourceDirectory directory;
    private final Runnable afterChange;
    private final Clock clock;

    /** afterChange runs after any change commits: it empties the authentication cache, which holds sources. */
    public SourceSettingsChanges(Transactor<? extends SourceRegistryTx> transactions, SourceDirectory directory,
                                 Runnable afterChange, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.afterChange = afterChange;
        this.clock = clock;
    }

    /**
     * Sets the IANA time zone the source's plain dates ({@code 2026-12-01}) are read in, or (null) goes
     * back to the configured default; setting the current value changes nothing. Throws NOT_FOUND, or
     * INVALID for an unknown zone. Applies to dates evaluated from now on (timers already set stay).
     */
    public RegisteredSource setTimeZone(Actor actor, String sourceName, String zoneId) {
        String zone = zoneId == null ? null : checkedZone(zoneId);
        return change(actor, sourceName, "timeZone", (registry, source) -> registry.timeZone(source.id()).orElse(null), zone,
                (registry, sourceId) -> registry.setTimeZone(sourceId, zone));
    }

    private static String checkedZone(String zoneId) {
        try {
            return java.time.ZoneId.of(zoneId.strip()).getId();
        } catch (java.time.DateTimeException e) {
            throw IdentityException.invalid("'timeZone' must be a time zone id such as UTC or Europe/Berlin, got: " + zoneId);
        }
    }

    /** Sets whether the source may assert worker ids; setting the current value changes nothing. Throws NOT_FOUND. */
    public RegisteredSource setAssertsWorkerIds(Actor actor, String sourceName, boolean asserts) {
        return change(actor, sourceName, "assertsWorkerIds", (registry, source) -> source.assertsWorkerIds(), asserts,
                (registry, sourceId) -> registry.setAssertsWorkerIds(sourceId, asserts));
    }

    /**
     * Declares (or clears, with null) the attribute the source's accounts are correlated by: {@code userName},
     * {@code email}, {@code emails.TYPE}, {@code employeeNumber} or {@code workerId}. Setting the current value
     * changes nothing. Throws NOT_FOUND, or INVALID for another attribute.
     */
    public RegisteredSource setCorrelationAttribute(Actor actor, String sourceName, String attribute) {
        String wanted = attribute == null ? null : attribute.strip();
        if (wanted != null && !CORRELATION_ATTRIBUTES.contains(wanted) && !wanted.matches("emails\\.[A-Za-z]+")) {
            throw IdentityException.invalid("'correlationAttribute' must be one of " + new java.util.TreeSet<>(CORRELATION_ATTRIBUTES)
                    + " or emails.TYPE (such as emails.work), or null; got: " + attribute);
        }
        return change(actor, sourceName, "correlationAttribute", (registry, source) -> source.correlationAttribute(), wanted,
                (registry, sourceId) -> registry.setCorrelationAttribute(sourceId, wanted));
    }

    /**
     * One setting of a source: locked by name, compared with what it is (the current value changes nothing),
     * written and audited as {@code source.update} with the setting before and after (either may be null);
     * once committed, {@code afterChange} runs. Throws NOT_FOUND for an unknown source.
     */
    private <T> RegisteredSource change(Actor actor, String sourceName, String setting,
                                        java.util.function.BiFunction<SourceRegistry, Source, T> current, T wanted,
                                        java.util.function.BiConsumer<SourceRegistry, Long> write) {
        boolean changed = transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            Source source = registry.lockByName(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
            T before = current.apply(registry, source);
            if (java.util.Objects.equals(before, wanted)) {
                return false;
            }
            write.accept(registry, source.id());
            tx.audit().record(clock.instant(), new AuditRecord(actor, "source.update", "source", Long.toString(source.id()),
                    AuditRecord.fields(one(setting, before)), AuditRecord.fields(one(setting, wanted))));
            return true;
        });
        if (changed) {
            afterChange.run();
        }
        return directory.registered(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
    }

    /** A one-entry map that may hold null (Map.of may not). */
    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
