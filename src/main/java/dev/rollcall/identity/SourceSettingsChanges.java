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

    /** afterChange runs after a change commits: it empties the authentication cache, which holds sources. */
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
        transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            Source source = registry.lockByName(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
            String before = registry.timeZone(source.id()).orElse(null);
            if (java.util.Objects.equals(before, zone)) {
                return false;
            }
            registry.setTimeZone(source.id(), zone);
            Map<String, Object> was = new java.util.LinkedHashMap<>();
            was.put("timeZone", before);
            Map<String, Object> now = new java.util.LinkedHashMap<>();
            now.put("timeZone", zone);
            tx.audit().record(clock.instant(), new AuditRecord(actor, "source.update", "source", Long.toString(source.id()),
                    AuditRecord.fields(was), AuditRecord.fields(now)));
            return true;
        });
        return directory.registered(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
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
        boolean changed = transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            Source source = registry.lockByName(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
            if (source.assertsWorkerIds() == asserts) {
                return false;
            }
            registry.setAssertsWorkerIds(source.id(), asserts);
            tx.audit().record(clock.instant(), new AuditRecord(actor, "source.update", "source", Long.toString(source.id()),
                    AuditRecord.fields(Map.of("assertsWorkerIds", source.assertsWorkerIds())),
                    AuditRecord.fields(Map.of("assertsWorkerIds", asserts))));
            return true;
        });
        if (changed) {
            afterChange.run();
        }
        return directory.registered(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
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
        boolean changed = transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            Source source = registry.lockByName(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
            if (java.util.Objects.equals(source.correlationAttribute(), wanted)) {
                return false;
            }
            registry.setCorrelationAttribute(source.id(), wanted);
            Map<String, Object> was = new java.util.LinkedHashMap<>();
            was.put("correlationAttribute", source.correlationAttribute());
            Map<String, Object> now = new java.util.LinkedHashMap<>();
            now.put("correlationAttribute", wanted);
            tx.audit().record(clock.instant(), new AuditRecord(actor, "source.update", "source", Long.toString(source.id()),
                    AuditRecord.fields(was), AuditRecord.fields(now)));
            return true;
        });
        if (changed) {
            afterChange.run();
        }
        return directory.registered(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
    }
}
