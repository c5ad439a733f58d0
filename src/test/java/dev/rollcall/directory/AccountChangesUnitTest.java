package dev.rollcall.directory;

import static dev.rollcall.events.EventType.ACCOUNT_CREATED;
import static dev.rollcall.events.EventType.ACCOUNT_DELETED;
import static dev.rollcall.events.EventType.PERSON_CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.Facts;
import org.junit.jupiter.api.Test;

/** AccountChanges: each account change and all that follows from it, in one transaction. */
class AccountChangesUnitTest {
    private final DirectoryWorld w = new DirectoryWorld();

    @Test
    void createPlacesTheAccountOnItsPersonAndAuditsItsDocument() {
        Account a = w.create("jdoe", "W1");

        assertThat(a.version()).isEqualTo(1);
        assertThat(w.identity.personOf(a.id()).id()).isEqualTo(a.personId());
        assertThat(w.identity.eventTypesOf(a.personId())).containsExactly(PERSON_CREATED, ACCOUNT_CREATED);
        assertThat(w.identity.audit()).singleElement().satisfies(r -> {
            assertThat(r.record().action()).isEqualTo("scim.user.create");
            assertThat(r.record().actor().correlationId()).isEqualTo("corr-push-1");
            assertThat(r.record().after()).isEqualTo(AuditRecord.document("{\"userName\":\"jdoe\"}"));
        });
    }

    @Test
    void aTakenUserNameIsADuplicateNamingTheValueAndLeavesNothingBehind() {
        w.create("jdoe", "W1");
        int events = w.identity.events().size();

        assertThatThrownBy(() -> w.create("JDoe", "W2"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.DUPLICATE);
                    assertThat(e.attribute()).isEqualTo("userName");
                })
                .hasMessageContaining("'JDoe'");

        assertThat(w.identity.personCount()).as("the person placed for it is rolled back").isEqualTo(1);
        assertThat(w.identity.workerOwner("W2")).isEmpty();
        assertThat(w.identity.allAccounts()).hasSize(1);
        assertThat(w.identity.events()).hasSize(events);
        assertThat(w.identity.audit()).hasSize(1);
    }

    @Test
    void replaceKeepsThePersonBumpsTheVersionSharesAnExternalIdAndRefusesATakenUserName() {
        Account a = w.create("jdoe", "W1");
        w.accounts.create(DirectoryWorld.SOURCE, "scim.user.create", w.hr,
                DirectoryWorld.user("other", "EXT-9", Facts.named("Oth", "Er").worker("W9")));

        Account replaced = w.accounts.replace(DirectoryWorld.SOURCE, "scim.user.replace", w.hr, a.id(),
                current -> DirectoryWorld.user("jane.doe", "EXT-1", Facts.named("Jane", "Doe").worker("W1")));

        assertThat(replaced).extracting(Account::version, Account::personId, Account::userName)
                .containsExactly(2L, a.personId(), "jane.doe");
        // externalId is not unique (RFC 7643 §3.1): sharing one is accepted
        assertThat(w.accounts.replace(DirectoryWorld.SOURCE, "scim.user.replace", w.hr, a.id(),
                current -> DirectoryWorld.user("jane.doe", "EXT-9", Facts.named("Jane", "Doe").worker("W1"))).version())
                .isEqualTo(3);
        assertThatThrownBy(() -> w.accounts.replace(DirectoryWorld.SOURCE, "scim.user.replace", w.hr, a.id(),
                current -> DirectoryWorld.user("OTHER", "EXT-1", Facts.named("Jane", "Doe").worker("W1"))))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.attribute()).isEqualTo("userName"))
                .hasMessageContaining("'OTHER'");
        assertThat(w.identity.account(a.id()).orElseThrow().version()).isEqualTo(3);
        assertThatThrownBy(() -> w.accounts.replace(DirectoryWorld.SOURCE, "x", w.hr, "nope", current -> null))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.NOT_FOUND));
    }

    @Test
    void deleteChecksThePreconditionFirstAndKeepsThePersonAndItsWorkerId() {
        Account a = w.create("jdoe", "W1");

        assertThatThrownBy(() -> w.accounts.delete(DirectoryWorld.SOURCE, "scim.user.delete", w.hr, a.id(), current -> {
            throw new IllegalStateException("If-Match failed");
        })).hasMessage("If-Match failed");
        assertThat(w.identity.account(a.id())).isPresent();

        w.accounts.delete(DirectoryWorld.SOURCE, "scim.user.delete", w.hr, a.id(), current -> { });

        assertThat(w.identity.account(a.id())).isEmpty();
        assertThat(w.identity.person(a.personId())).isPresent();
        assertThat(w.identity.eventTypesOf(a.personId())).contains(ACCOUNT_DELETED);
        assertThat(w.identity.workerOwner("W1")).contains(a.personId());
    }
}
