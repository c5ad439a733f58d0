package dev.rollcall.identity;

import java.util.Locale;

/** What kind of upstream system a source is; it decides authority and whether it may create persons. */
public enum SourceKind {
    HRIS, IDP, CRM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind fromWireName(String name) {
        for (SourceKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source kind '" + name + "' (expected hris, idp or crm)");
    }

    /** By default HR systems and CRMs create persons; identity providers only link to them. */
    public boolean createsPersonsByDefault() {
        return this != IDP;
    }

    /**
     * By default HR systems and identity providers may assert worker ids; a CRM may not: anyone can
     * type an employee's worker id into a contact record, and it must not make that contact the employee.
     */
    public boolean assertsWorkerIdsByDefault() {
        return this != CRM;
    }
}
