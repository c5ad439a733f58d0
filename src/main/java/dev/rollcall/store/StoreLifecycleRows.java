package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.CRM_PERSONA;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;

import dev.rollcall.lifecycle.CrmPersona;
import dev.rollcall.lifecycle.LifecycleRows;
import dev.rollcall.store.generated.enums.CrmPersonaStatus;
import dev.rollcall.store.generated.tables.records.CrmPersonaRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/** The lifecycle's person columns (leave), source time zones and CRM persona rows, in one transaction. */
final class StoreLifecycleRows implements LifecycleRows {
    private final DSLContext tx;
    private final TxReads reads;

    StoreLifecycleRows(DSLContext tx, TxReads reads) {
        this.tx = tx;
        this.reads = reads;
    }

    /** A person this transaction locked was read with these columns (and its own writes keep them). */
    @Override
    public PersonLifecycleRow person(long personPk) {
        Optional<PersonLifecycleRow> known = reads.lifecycle(personPk);
        if (known.isPresent()) {
            return known.get();
        }
        return tx.select(PERSON.CREATED_AT, PERSON.STATE_REASON, PERSON.STATE_SINCE, PERSON.ON_LEAVE_SINCE).from(PERSON)
                .where(PERSON.PK.eq(personPk))
                .fetchOne(r -> new PersonLifecycleRow(Clock.fromDb(r.value1()), r.value2(), Clock.fromDb(r.value3()),
                        Clock.fromDb(r.value4())));
    }

    @Override
    public void setOnLeave(long personPk, Instant since) {
        Instant stored = since == null ? null : Clock.fromDb(Clock.toDb(since));
        reads.updateLifecycle(personPk, l -> new PersonLifecycleRow(l.createdAt(), l.stateReason(), l.stateSince(), stored));
        tx.update(PERSON).set(PERSON.ON_LEAVE_SINCE, since == null ? null : Clock.toDb(since))
                .where(PERSON.PK.eq(personPk)).execute();
    }

    @Override
    public Optional<ZoneId> sourceZone(long sourceId) {
        return tx.select(SOURCE.TIME_ZONE).from(SOURCE).where(SOURCE.ID.eq(sourceId)).fetchOptional(SOURCE.TIME_ZONE)
                .flatMap(StoreLifecycleRows::zone);
    }

    /** Stored zones were checked when set; one this JVM does not know reads as unset. */
    static Optional<ZoneId> zone(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<CrmPersona> crmPersonas(long personPk, List<String> accountIds) {
        return tx.selectFrom(CRM_PERSONA)
                .where(CRM_PERSONA.PERSON_PK.eq(personPk).or(CRM_PERSONA.ACCOUNT_ID.in(accountIds)))
                .orderBy(CRM_PERSONA.PK).fetch(StoreLifecycleRows::toDomain);
    }

    @Override
    public void saveCrmPersona(CrmPersona p, Instant now) {
        CrmPersonaStatus status = CrmPersonaStatus.valueOf(p.status().name().toLowerCase(Locale.ROOT));
        tx.insertInto(CRM_PERSONA)
                .set(CRM_PERSONA.PERSON_PK, p.personPk())
                .set(CRM_PERSONA.ACCOUNT_ID, p.accountId())
                .set(CRM_PERSONA.SOURCE_ID, p.sourceId())
                .set(CRM_PERSONA.CRM_ACCOUNT_ID, p.crmAccountId())
                .set(CRM_PERSONA.STATUS, status)
                .set(CRM_PERSONA.CAUSE, p.cause())
                .set(CRM_PERSONA.GRACE_UNTIL, p.graceUntil() == null ? null : Clock.toDb(p.graceUntil()))
                .set(CRM_PERSONA.UPDATED_AT, Clock.toDb(now))
                .onDuplicateKeyUpdate()
                .set(CRM_PERSONA.PERSON_PK, p.personPk())
                .set(CRM_PERSONA.STATUS, status)
                .set(CRM_PERSONA.CAUSE, p.cause())
                .set(CRM_PERSONA.GRACE_UNTIL, p.graceUntil() == null ? null : Clock.toDb(p.graceUntil()))
                .set(CRM_PERSONA.UPDATED_AT, Clock.toDb(now))
                .execute();
    }

    static CrmPersona toDomain(CrmPersonaRecord r) {
        return new CrmPersona(r.getPersonPk(), r.getAccountId(), r.getSourceId(), r.getCrmAccountId(),
                CrmPersona.Status.valueOf(r.getStatus().getLiteral().toUpperCase(Locale.ROOT)), r.getCause(),
                Clock.fromDb(r.getGraceUntil()));
    }
}
