package dev.rollcall.identity;

import java.time.Instant;
import java.util.Locale;

/**
 * A role a person holds through one linked account: employee (hris), workforce (idp), external
 * (crm, with its CRM account id). Each persona keeps its own active state, so an HRIS termination
 * does not silently end an external persona. {@code transferGraceUntil} is set on an external persona
 * whose contact left this CRM account (moved or deleted): it keeps access until then.
 */
public record Persona(Kind kind, String accountId, long sourceId, String sourceName, boolean active, String crmAccountId,
                      Instant transferGraceUntil) {

    /** A persona of a linked account, in no transfer grace. */
    public Persona(Kind kind, String accountId, long sourceId, String sourceName, boolean active, String crmAccountId) {
        this(kind, accountId, sourceId, sourceName, active, crmAccountId, null);
    }

    public enum Kind {
        EMPLOYEE, WORKFORCE, EXTERNAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(SourceKind source) {
            return switch (source) {
                case HRIS -> EMPLOYEE;
                case IDP -> WORKFORCE;
                case CRM -> EXTERNAL;
            };
        }
    }

    public static Persona of(LinkedAccount account) {
        return new Persona(Kind.of(account.kind()), account.id(), account.source().id(), account.source().name(),
                account.active(), account.kind() == SourceKind.CRM ? account.facts().attributes().get("crmAccountId") : null);
    }
}
