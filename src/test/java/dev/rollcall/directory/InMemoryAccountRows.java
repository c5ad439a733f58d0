package dev.rollcall.directory;

import dev.rollcall.identity.InMemoryIdentityStore;
import dev.rollcall.identity.InMemoryTables.StoredAccount;
import dev.rollcall.kernel.RowWrite;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** {@link AccountRows} over the fake's account table (test code; see {@link InMemoryDirectoryStore}). */
final class InMemoryAccountRows implements AccountRows {
    private final InMemoryDirectoryStore store;

    InMemoryAccountRows(InMemoryDirectoryStore store) {
        this.store = store;
    }

    private InMemoryIdentityStore identity() {
        return store.identity();
    }

    @Override
    public Optional<Account> lock(long sourceId, String id) {
        return identity().account(id).filter(a -> a.sourceId() == sourceId).map(this::toAccount);
    }

    @Override
    public RowWrite insert(dev.rollcall.identity.Source source, String id, long personPk, Instant at, AccountContent content) {
        long sourceId = source.id();
        Optional<RowWrite> taken = taken(sourceId, null, content);
        if (taken.isPresent()) {
            return taken.get();
        }
        return new RowWrite.Written(identity().insertAccount(sourceId, id, personPk, content.externalId(),
                content.userName(), content.workerId(), content.active(), content.document(), at));
    }

    @Override
    public RowWrite replace(Account current, long newVersion, Instant at, AccountContent content) {
        Optional<RowWrite> taken = taken(current.sourceId(), current.pk(), content);
        if (taken.isPresent()) {
            return taken.get();
        }
        StoredAccount row = identity().account(current.id()).orElseThrow();
        identity().replaceAccount(row.replaced(content.externalId(), content.userName(), content.workerId(),
                content.active(), content.document(), newVersion, at));
        return new RowWrite.Written(current.pk());
    }

    /** Deletes the account; its facts, match keys and memberships go with it, its worker link stays. */
    @Override
    public void delete(long pk) {
        identity().deleteAccount(pk);
        store.dropMemberships(Member.Kind.USER, pk);
    }

    /** The source's only unique value is the (folded) userName; externalId is not unique (RFC 7643 §3.1). */
    private Optional<RowWrite> taken(long sourceId, Long ownPk, AccountContent content) {
        boolean userName = false;
        for (StoredAccount a : identity().allAccounts()) {
            if (a.sourceId() != sourceId || Objects.equals(ownPk, a.pk())) {
                continue;
            }
            userName |= content.userName() != null && a.userName() != null
                    && a.userName().toLowerCase(Locale.ROOT).equals(content.userName().toLowerCase(Locale.ROOT));
        }
        return userName ? Optional.of(new RowWrite.Duplicate("userName")) : Optional.empty();
    }

    private Account toAccount(StoredAccount a) {
        return new Account(a.pk(), a.id(), a.sourceId(), a.externalId(), a.userName(), a.workerId(), a.active(),
                a.document(), a.version(), a.personPk(), identity().personByPk(a.personPk()).id(), a.createdAt(),
                a.updatedAt());
    }
}
