package dev.rollcall.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.directory.Account;
import dev.rollcall.directory.AccountWithGroups;
import dev.rollcall.directory.AccountChanges;
import dev.rollcall.directory.AccountContent;
import dev.rollcall.directory.DirectoryQueries;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.ValueIndexer;
import dev.rollcall.scim.DirectoryErrors;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.scim.resource.StoredKeys;
import java.util.List;

/**
 * SCIM Users for one source: parses and normalises what the client sent, derives the account's
 * content (keys, document, filter index, facts), and hands it to the domain's {@link AccountChanges},
 * which writes it in one transaction with everything that follows. Reads go to {@link DirectoryQueries}.
 */
public final class UserService {
    private final ResourceTypeDef type;
    private final ResourceNormalizer normalizer;
    private final ImmutabilityGuard immutability;
    private final PatchEngine patches;
    private final UserRenderer renderer;
    private final UserFactsExtractor facts;
    private final AccountChanges changes;
    private final DirectoryQueries directory;

    public UserService(SchemaRegistry schemas, ResourceNormalizer normalizer, ImmutabilityGuard immutability,
                       PatchEngine patches, UserRenderer renderer, UserFactsExtractor facts, AccountChanges changes,
                       DirectoryQueries directory) {
        this.type = schemas.user();
        this.normalizer = normalizer;
        this.immutability = immutability;
        this.patches = patches;
        this.renderer = renderer;
        this.facts = facts;
        this.changes = changes;
        this.directory = directory;
    }

    public UserView create(Source source, Actor actor, JsonNode body) {
        AccountContent content = content(normalizer.normalize(type, body));
        Account created = DirectoryErrors.translate(() -> changes.create(actor, "scim.user.create", source, content));
        return new UserView(created, List.of());
    }

    public UserView get(Source source, String id) {
        AccountWithGroups read = directory.accountWithGroups(source.id(), id).orElseThrow(() -> notFound(id));
        return new UserView(read.account(), read.groups());
    }

    public UserView replace(Source source, Actor actor, String id, JsonNode body, String ifMatch) {
        ObjectNode canonical = normalizer.normalize(type, body);
        AccountContent content = content(canonical);
        Account updated = DirectoryErrors.translate(() -> changes.replace(actor, "scim.user.replace", source, id,
                current -> {
                    ETags.checkIfMatch(ifMatch, current.version());
                    immutability.check(type, renderer.storedBody(current), canonical);
                    return content;
                }));
        return withGroups(updated);
    }

    public UserView patch(Source source, Actor actor, String id, JsonNode patchRequest, String ifMatch) {
        Account updated = DirectoryErrors.translate(() -> changes.replace(actor, "scim.user.patch", source, id,
                current -> {
                    ETags.checkIfMatch(ifMatch, current.version());
                    ObjectNode patched = patches.apply(type, renderer.storedBody(current), patchRequest);
                    return content(normalizer.normalize(type, patched));
                }));
        return withGroups(updated);
    }

    public void delete(Source source, Actor actor, String id, String ifMatch) {
        DirectoryErrors.translate(() -> {
            changes.delete(actor, "scim.user.delete", source, id, current -> ETags.checkIfMatch(ifMatch, current.version()));
            return null;
        });
    }

    public Page<UserView> list(Source source, ListParams params) {
        DirectoryQueries.Page<AccountWithGroups> page;
        try {
            page = directory.accountsWithGroups(source.id(), params.filter(), new DirectoryQueries.Slice(params.sortBy(),
                    params.descending(), params.startIndex() - 1, params.count()));
        } catch (FilterException e) {
            throw ScimException.invalidFilter(e.getMessage());
        }
        List<UserView> items = page.items().stream().map(a -> new UserView(a.account(), a.groups())).toList();
        return new Page<>(items, page.total(), params.startIndex());
    }

    private UserView withGroups(Account account) {
        return new UserView(account, directory.groupsOfAccount(account.pk()));
    }

    /** Everything the domain stores for one canonical User, derived from it once; keys that cannot be stored are refused. */
    private AccountContent content(ObjectNode canonical) {
        StoredKeys.check(canonical, null, "userName", true);
        StoredKeys.check(canonical, null, "externalId", false);
        // either becomes the account's worker id (workerId first)
        StoredKeys.check(canonical, SchemaUris.LIFECYCLE_USER, "workerId", false);
        StoredKeys.check(canonical, SchemaUris.ENTERPRISE_USER, "employeeNumber", false);
        String externalId = canonical.hasNonNull("externalId") ? canonical.get("externalId").asText() : null;
        return new AccountContent(externalId, canonical.path("userName").asText(), canonical.toString(),
                ValueIndexer.index(type, canonical), facts.extract(canonical));
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("User " + id + " not found");
    }
}
