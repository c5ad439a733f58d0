package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.PersonWork;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reorg grace: identity keeps the previous manager in the golden record until
 * {@code manager.previousUntil}; this keeps a MANAGER_GRACE_END timer at that time (moved when a second
 * change restarts the grace) and, when it fires, removes the previous manager with a person.updated.
 */
final class ManagerGrace {
    static final String REASON = "manager_change";

    private ManagerGrace() {
    }

    /**
     * Puts the person's MANAGER_GRACE_END timer where its golden record's grace ends. No grace running
     * reads nothing: the golden record only loses its previous manager when that timer fires (a stray
     * timer would find nothing to end), so the common push costs no query here.
     */
    static void keepTimer(LifecycleTx tx, PersonWork person, Instant now) {
        Instant until = until(person.row().golden());
        if (until != null) {
            TimerSync.keep(tx, person.pk(), TimerKind.MANAGER_GRACE_END, until, REASON, now);
        }
    }

    /** The timer fired: a grace that is over ends now; returns whether one did. */
    static boolean end(LifecycleTx tx, PersonWork person, Actor actor, Instant now) {
        GoldenRecord golden = person.row().golden();
        Instant until = until(golden);
        if (until == null || until.isAfter(now)) {
            return false;
        }
        String previous = golden.value(GoldenComputer.MANAGER_PREVIOUS);
        person.endManagerGrace();
        person.save(now);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("previousManager", previous);
        before.put("until", until.toString());
        tx.audit().record(now, new AuditRecord(actor, "person.manager_grace_end", "person", person.id(),
                AuditRecord.fields(before), AuditRecord.fields(Map.of("reason", REASON))));
        return true;
    }

    /** When the running grace ends, or null when none runs. */
    static Instant until(GoldenRecord golden) {
        String text = golden.value(GoldenComputer.MANAGER_PREVIOUS_UNTIL);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // written by GoldenComputer, so never expected; an unreadable one is no grace
        }
    }
}
