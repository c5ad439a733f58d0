package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.AccountLink;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.PersonWork;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM account transfer grace. An external persona is one CRM contact in one CRM account
 * ({@code crmAccountId}). When the contact moves to another CRM account, loses it, or is deleted, the
 * persona of the former account keeps access for the transfer grace ({@code persona.transfer_started}),
 * then ends ({@code persona.ended}, by a PERSONA_END timer at the earliest running grace). The
 * person and its other personas are untouched. A contact moving back inside the grace makes that
 * persona current again. A contact merely moved to another person (merge, unmerge) takes its rows along.
 */
final class CrmTransfers {
    static final String CHANGED = "crm_account_changed";
    static final String DELETED = "contact_deleted";
    static final String REASON = "crm_transfer";
    static final String ENDED = "crm_transfer_grace_ended";

    private final Duration grace;

    CrmTransfers(Duration grace) {
        this.grace = grace;
    }

    /** Brings the person's CRM persona rows in step with its CRM accounts; starts graces for what was left. */
    void sync(LifecycleTx tx, PersonWork person, Actor actor, Long sourceId, Instant now) {
        Map<String, LinkedAccount> contacts = new LinkedHashMap<>();
        tx.accounts().linked(person.pk()).stream().filter(a -> a.kind() == SourceKind.CRM).forEach(a -> contacts.put(a.id(), a));
        List<CrmPersona> known = tx.lifecycleRows().crmPersonas(person.pk(), List.copyOf(contacts.keySet()));
        for (CrmPersona row : known) {
            if (row.status() != CrmPersona.Status.CURRENT) {
                continue;
            }
            LinkedAccount contact = contacts.get(row.accountId());
            if (contact == null) {
                Optional<AccountLink> elsewhere = tx.accounts().byId(row.accountId());
                if (elsewhere.isPresent()) {
                    continue; // moved to another person: that person's next step adopts the row
                }
                startGrace(tx, person, row, DELETED, actor, sourceId, now);
            } else if (!row.crmAccountId().equals(crmAccountOf(contact))) {
                startGrace(tx, person, row, CHANGED, actor, sourceId, now);
            } else if (row.personPk() != person.pk()) {
                tx.lifecycleRows().saveCrmPersona(row.with(person.pk(), row.status(), row.cause(), row.graceUntil()), now);
            }
        }
        for (LinkedAccount contact : contacts.values()) {
            String crmAccount = crmAccountOf(contact);
            boolean current = crmAccount != null && known.stream().anyMatch(r -> r.accountId().equals(contact.id())
                    && r.crmAccountId().equals(crmAccount) && r.status() == CrmPersona.Status.CURRENT);
            if (crmAccount != null && !current) {
                // new, or back inside (or after) a grace: current again
                tx.lifecycleRows().saveCrmPersona(new CrmPersona(person.pk(), contact.id(), contact.source().id(), crmAccount,
                        CrmPersona.Status.CURRENT, null, null), now);
            }
        }
        keepTimer(tx, person, now);
    }

    /** The PERSONA_END timer fired: every grace of the person that is over ends now; returns whether one did. */
    boolean end(LifecycleTx tx, PersonWork person, Actor actor, Instant now) {
        boolean ended = false;
        for (CrmPersona row : tx.lifecycleRows().crmPersonas(person.pk(), List.of())) {
            if (row.status() == CrmPersona.Status.GRACE && row.personPk() == person.pk() && !row.graceUntil().isAfter(now)) {
                tx.lifecycleRows().saveCrmPersona(row.with(person.pk(), CrmPersona.Status.ENDED, row.cause(), row.graceUntil()), now);
                person.emit(new EventPayload.PersonaEnded(person.id(), row.accountId(), sourceName(tx, row),
                        row.crmAccountId(), ENDED), null);
                audit(tx, actor, "persona.end", person, row, CrmPersona.Status.GRACE, CrmPersona.Status.ENDED, now);
                ended = true;
            }
        }
        if (ended) {
            person.save(now);
        }
        keepTimer(tx, person, now);
        return ended;
    }

    private void startGrace(LifecycleTx tx, PersonWork person, CrmPersona row, String cause, Actor actor, Long sourceId,
                            Instant now) {
        Instant until = now.plus(grace);
        CrmPersona next = row.with(person.pk(), CrmPersona.Status.GRACE, cause, until);
        tx.lifecycleRows().saveCrmPersona(next, now);
        person.emit(new EventPayload.PersonaTransferStarted(person.id(), row.accountId(), sourceName(tx, row),
                row.crmAccountId(), until.toString(), cause), sourceId);
        person.save(now);
        audit(tx, actor, "persona.transfer", person, next, CrmPersona.Status.CURRENT, CrmPersona.Status.GRACE, now);
    }

    /** One PERSONA_END timer per person, at its earliest running grace. */
    private static void keepTimer(LifecycleTx tx, PersonWork person, Instant now) {
        Instant next = tx.lifecycleRows().crmPersonas(person.pk(), List.of()).stream()
                .filter(r -> r.status() == CrmPersona.Status.GRACE && r.personPk() == person.pk())
                .map(CrmPersona::graceUntil).min(Comparator.naturalOrder()).orElse(null);
        TimerSync.keep(tx, person.pk(), TimerKind.PERSONA_END, next, REASON, now);
    }

    private static String crmAccountOf(LinkedAccount contact) {
        String id = contact.facts().attributes().get("crmAccountId");
        if (id == null || id.isBlank()) {
            return null;
        }
        return CrmPersona.stored(id);
    }

    private static String sourceName(LifecycleTx tx, CrmPersona row) {
        return tx.sources().byId(row.sourceId()).map(Source::name).orElse(null);
    }

    private static void audit(LifecycleTx tx, Actor actor, String action, PersonWork person, CrmPersona row,
                              CrmPersona.Status from, CrmPersona.Status to, Instant now) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("accountId", row.accountId());
        before.put("crmAccountId", row.crmAccountId());
        before.put("status", from.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("status", to.name().toLowerCase(java.util.Locale.ROOT));
        after.put("cause", row.cause());
        after.put("graceUntil", row.graceUntil() == null ? null : row.graceUntil().toString());
        tx.audit().record(now, new AuditRecord(actor, action, "person", person.id(), AuditRecord.fields(before),
                AuditRecord.fields(after)));
    }
}
