package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.util.Map;

/**
 * Changes what a registered source is trusted with: whether the worker ids it pushes are strong keys.
 * Audited in the change's transaction; takes effect for the source's next push (existing links stay).
 */
public final class SourceSettingsChanges {
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
}
