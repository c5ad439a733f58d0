package dev.rollcall.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.identity.IdentityTransactions;
import dev.rollcall.identity.IdentityTx;
import java.util.function.Function;
import org.jooq.DSLContext;

/** Binds the identity domain's ports to jOOQ transactions. */
public final class IdentityStore implements IdentityTransactions {
    private final Transactions transactions;
    private final ObjectMapper json;
    private final PersonStore persons;
    private final FactsJson facts;
    private final CaseRows cases;
    private final AuthorityRows authority;
    private final EventStore events;
    private final AuditStore audit;

    public IdentityStore(Transactions transactions, ObjectMapper json, PersonStore persons, EventStore events,
                         AuditStore audit) {
        this.transactions = transactions;
        this.json = json;
        this.persons = persons;
        this.facts = new FactsJson(json);
        this.cases = new CaseRows(json);
        this.authority = new AuthorityRows(json);
        this.events = events;
        this.audit = audit;
    }

    /** The identity port over a transaction someone else opened (the SCIM account writer). */
    public IdentityTx bind(DSLContext tx) {
        return new StoreIdentityTx(tx, json, persons, facts, cases, authority, events, audit);
    }

    @Override
    public <T> T inTransaction(Function<IdentityTx, T> work) {
        return transactions.inTransaction(tx -> work.apply(bind(tx)));
    }

    CaseRows cases() {
        return cases;
    }

    FactsJson facts() {
        return facts;
    }
}
