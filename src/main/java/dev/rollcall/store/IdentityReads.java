package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.CRM_PERSONA;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.MATCH_CASE;
import static dev.rollcall.store.generated.Tables.MATCH_CASE_CANDIDATE;
import static dev.rollcall.store.generated.Tables.MATCH_DECISION;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;
import static dev.rollcall.store.generated.Tables.TIMER;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.IdentityQueries;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.MatchCaseView;
import dev.rollcall.identity.PendingTimer;
import dev.rollcall.identity.Persona;
import dev.rollcall.identity.PersonDetail;
import dev.rollcall.identity.TimelineEntry;
import dev.rollcall.store.generated.enums.CrmPersonaStatus;
import dev.rollcall.store.generated.enums.MatchCaseStatus;
import dev.rollcall.store.generated.enums.TimerStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Read models for IT: match cases, person detail, person timeline. Every query is by an indexed key. */
public final class IdentityReads implements IdentityQueries {
    private final DSLContext db;
    private final ObjectMapper json;
    private final PersonStore persons;
    private final CaseRows cases;
    private final FactsJson facts;

    public IdentityReads(Database database, ObjectMapper json) {
        this.db = database.dsl();
        this.json = json;
        this.persons = new PersonStore(json);
        this.cases = new CaseRows(json);
        this.facts = new FactsJson(json);
    }

    @Override
    public List<MatchCaseView> cases(String status, int limit, String afterId) {
        Condition c = status == null ? DSL.noCondition() : MATCH_CASE.STATUS.eq(MatchCaseStatus.valueOf(status));
        if (afterId != null) {
            c = c.and(MATCH_CASE.PK.lt(DSL.select(MATCH_CASE.PK).from(MATCH_CASE).where(MATCH_CASE.ID.eq(afterId))));
        }
        return db.selectFrom(MATCH_CASE).where(c).orderBy(MATCH_CASE.PK.desc()).limit(limit)
                .fetch(r -> cases.toView(r));
    }

    @Override
    public Optional<MatchCaseView> matchCase(String id) {
        return db.selectFrom(MATCH_CASE).where(MATCH_CASE.ID.eq(id)).fetchOptional().map(r -> cases.toView(r));
    }

    @Override
    public Optional<PersonDetail> person(String id) {
        var p = PERSON.as("p");
        var survivor = PERSON.as("s");
        return db.select(p.PK, p.ID, p.STATE, p.STATE_REASON, p.PROVISIONAL, survivor.ID, p.GOLDEN, p.VERSION,
                        p.CREATED_AT, p.UPDATED_AT, p.STATE_SINCE, p.GRACE_UNTIL, p.ON_LEAVE_SINCE)
                .from(p).leftJoin(survivor).on(survivor.PK.eq(p.MERGED_INTO_PK))
                .where(p.ID.eq(id))
                .fetchOptional(r -> {
                    List<LinkedAccount> accounts = new AccountFactRows(db, facts).linked(r.value1());
                    List<Persona> personas = new ArrayList<>(accounts.stream().map(Persona::of).toList());
                    personas.addAll(personasInTransferGrace(r.value1()));
                    return new PersonDetail(r.value2(), PersonStates.toDomain(r.value3()), r.value4(),
                            Clock.fromDb(r.value11()), Clock.fromDb(r.value12()), Clock.fromDb(r.value13()), pendingTimers(r.value1()), r.value5(), r.value6(),
                            persons.fromJson(r.value7().data()), personas, accounts, openCases(id), r.value8(),
                            Clock.fromDb(r.value9()), Clock.fromDb(r.value10()));
                });
    }

    /** External personas whose contact left their CRM account and that keep access until their grace ends. */
    private List<Persona> personasInTransferGrace(long personPk) {
        return db.select(CRM_PERSONA.ACCOUNT_ID, CRM_PERSONA.SOURCE_ID, SOURCE.NAME, CRM_PERSONA.CRM_ACCOUNT_ID,
                        CRM_PERSONA.GRACE_UNTIL)
                .from(CRM_PERSONA).join(SOURCE).on(SOURCE.ID.eq(CRM_PERSONA.SOURCE_ID))
                .where(CRM_PERSONA.PERSON_PK.eq(personPk)).and(CRM_PERSONA.STATUS.eq(CrmPersonaStatus.grace))
                .orderBy(CRM_PERSONA.GRACE_UNTIL, CRM_PERSONA.PK)
                .fetch(r -> new Persona(Persona.Kind.EXTERNAL, r.value1(), r.value2(), r.value3(), true, r.value4(),
                        Clock.fromDb(r.value5())));
    }

    private List<PendingTimer> pendingTimers(long personPk) {
        return db.select(TIMER.KIND, TIMER.REASON, TIMER.DUE_AT).from(TIMER)
                .where(TIMER.PERSON_PK.eq(personPk)).and(TIMER.STATUS.eq(TimerStatus.pending))
                .orderBy(TIMER.DUE_AT, TIMER.PK)
                .fetch(r -> new PendingTimer(r.value1(), r.value2(), Clock.fromDb(r.value3())));
    }

    private List<String> openCases(String personId) {
        Set<String> ids = new LinkedHashSet<>(db.select(MATCH_CASE.ID).from(MATCH_CASE)
                .where(MATCH_CASE.HOLDING_PERSON_ID.eq(personId)).and(MATCH_CASE.STATUS.eq(MatchCaseStatus.open))
                .fetch(MATCH_CASE.ID));
        ids.addAll(db.select(MATCH_CASE.ID).from(MATCH_CASE_CANDIDATE)
                .join(MATCH_CASE).on(MATCH_CASE.PK.eq(MATCH_CASE_CANDIDATE.CASE_PK))
                .where(MATCH_CASE_CANDIDATE.PERSON_ID.eq(personId)).and(MATCH_CASE.STATUS.eq(MatchCaseStatus.open))
                .fetch(MATCH_CASE.ID));
        return List.copyOf(ids);
    }

    @Override
    public List<TimelineEntry> timeline(String personId) {
        List<TimelineEntry> out = new ArrayList<>();
        db.select(EVENT.CREATED_AT, EVENT.TYPE, EVENT.PAYLOAD, EVENT.PERSON_SEQ).from(EVENT)
                .where(EVENT.PERSON_ID.eq(personId)).orderBy(EVENT.PERSON_SEQ, EVENT.PK)
                .forEach(r -> out.add(new TimelineEntry(Clock.fromDb(r.value1()), TimelineEntry.Kind.EVENT, r.value2(),
                        null, r.value3().data())));
        // decisions naming this person, and those about its accounts made while they waited elsewhere (a case)
        List<String> accountIds = db.select(ACCOUNT.ID).from(ACCOUNT).join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK))
                .where(PERSON.ID.eq(personId)).fetch(ACCOUNT.ID);
        db.selectFrom(MATCH_DECISION).where(MATCH_DECISION.PERSON_ID.eq(personId).or(MATCH_DECISION.ACCOUNT_ID.in(accountIds)))
                .orderBy(MATCH_DECISION.PK)
                .forEach(r -> {
                    ObjectNode d = json.createObjectNode();
                    d.put("accountId", r.getAccountId());
                    d.put("sourceId", r.getSourceId());
                    d.put("outcome", r.getOutcome());
                    d.put("score", r.getScore());
                    d.put("caseId", r.getCaseId());
                    d.set("evidence", json.valueToTree(parse(r.getEvidence().data())));
                    out.add(new TimelineEntry(Clock.fromDb(r.getCreatedAt()), TimelineEntry.Kind.MATCH_DECISION,
                            "match." + r.getOutcome(), r.getActor(), d.toString()));
                });
        db.selectFrom(AUDIT).where(AUDIT.TARGET_TYPE.eq("person")).and(AUDIT.TARGET_ID.eq(personId)).orderBy(AUDIT.SEQ)
                .forEach(r -> out.add(new TimelineEntry(Clock.fromDb(r.getAt()), TimelineEntry.Kind.AUDIT, r.getAction(),
                        r.getActor(), r.getAfterState() == null ? "{}" : r.getAfterState().data())));
        timers(personId, out);
        // stable sort: within one instant, events first, then the decision and audit records of the same transaction
        out.sort(Comparator.comparing(TimelineEntry::at));
        return out;
    }

    /** Each timer row: when it was scheduled, and when it fired, was cancelled or moved (and by whom). */
    private void timers(String personId, List<TimelineEntry> out) {
        db.select(TIMER.asterisk()).from(TIMER).join(PERSON).on(PERSON.PK.eq(TIMER.PERSON_PK))
                .where(PERSON.ID.eq(personId)).orderBy(TIMER.PK)
                .forEach(rec -> {
                    var r = rec.into(TIMER);
                    ObjectNode d = json.createObjectNode();
                    d.put("timerId", r.getPk());
                    d.put("kind", r.getKind());
                    d.put("reason", r.getReason());
                    d.put("dueAt", Clock.fromDb(r.getDueAt()).toString());
                    if (r.getMovedFromPk() != null) {
                        d.put("movedFrom", r.getMovedFromPk());
                    }
                    out.add(new TimelineEntry(Clock.fromDb(r.getCreatedAt()), TimelineEntry.Kind.TIMER, "timer.scheduled",
                            null, d.toString()));
                    if (r.getFinishedAt() != null) {
                        out.add(new TimelineEntry(Clock.fromDb(r.getFinishedAt()), TimelineEntry.Kind.TIMER,
                                "timer." + r.getStatus().getLiteral(), r.getFinishedBy(), d.toString()));
                    }
                });
    }

    private Object parse(String data) {
        try {
            return json.readTree(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored match evidence is not valid JSON", e);
        }
    }
}
