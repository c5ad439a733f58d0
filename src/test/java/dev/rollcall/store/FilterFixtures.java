package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.ACCOUNT_VALUE;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.GROUP_VALUE;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;
import static dev.rollcall.store.generated.Tables.SOURCE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.schema.filter.IndexedValue;
import dev.rollcall.schema.filter.ValueIndexer;
import dev.rollcall.schema.SchemaRegistry;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Inserts sources, accounts and groups directly, indexing them as the store will. */
final class FilterFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DSLContext dsl;
    private final SchemaRegistry registry;

    FilterFixtures(DSLContext dsl, SchemaRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    long source(String name) {
        return dsl.insertInto(SOURCE).set(SOURCE.NAME, name).set(SOURCE.KIND, dev.rollcall.store.generated.enums.SourceKind.idp)
                .set(SOURCE.MAY_CREATE_PERSONS, true).returning(SOURCE.ID).fetchOne().getId();
    }

    /** Inserts a user; the resource uses single quotes for readability. Returns the account pk. */
    long user(long sourceId, String id, String created, String lastModified, String resourceJson) {
        ObjectNode resource = json(resourceJson);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long personPk = dsl.insertInto(PERSON).set(PERSON.ID, UUID.randomUUID().toString())
                .set(PERSON.STATE, dev.rollcall.store.generated.enums.PersonState.active)
                .set(PERSON.GOLDEN, JSON.json("{}")).set(PERSON.CREATED_AT, now).set(PERSON.UPDATED_AT, now)
                .returning(PERSON.PK).fetchOne().getPk();
        String userName = resource.get("userName").asText();
        long pk = dsl.insertInto(ACCOUNT).set(ACCOUNT.ID, id).set(ACCOUNT.SOURCE_ID, sourceId)
                .set(ACCOUNT.EXTERNAL_ID, resource.path("externalId").textValue())
                .set(ACCOUNT.USER_NAME, userName).set(ACCOUNT.USER_NAME_CI, userName.toLowerCase(Locale.ROOT))
                .set(ACCOUNT.ACTIVE, resource.path("active").asBoolean(true)).set(ACCOUNT.RESOURCE, JSON.json(resource.toString()))
                .set(ACCOUNT.VERSION, 1L).set(ACCOUNT.PERSON_PK, personPk)
                .set(ACCOUNT.CREATED_AT, utc(created)).set(ACCOUNT.UPDATED_AT, utc(lastModified))
                .returning(ACCOUNT.PK).fetchOne().getPk();
        for (IndexedValue v : ValueIndexer.index(registry.user(), resource)) {
            dsl.insertInto(ACCOUNT_VALUE).set(ACCOUNT_VALUE.ACCOUNT_PK, pk).set(ACCOUNT_VALUE.ATTR, v.attr())
                    .set(ACCOUNT_VALUE.IDX, v.idx()).set(ACCOUNT_VALUE.SOURCE_ID, sourceId)
                    .set(ACCOUNT_VALUE.VAL, v.val()).set(ACCOUNT_VALUE.NUM, v.num()).execute();
        }
        return pk;
    }

    long group(long sourceId, String id, String created, String resourceJson) {
        ObjectNode resource = json(resourceJson);
        String displayName = resource.get("displayName").asText();
        long pk = dsl.insertInto(SCIM_GROUP).set(SCIM_GROUP.ID, id).set(SCIM_GROUP.SOURCE_ID, sourceId)
                .set(SCIM_GROUP.EXTERNAL_ID, resource.path("externalId").textValue())
                .set(SCIM_GROUP.DISPLAY_NAME, displayName).set(SCIM_GROUP.DISPLAY_NAME_CI, displayName.toLowerCase(Locale.ROOT))
                .set(SCIM_GROUP.RESOURCE, JSON.json(resource.toString())).set(SCIM_GROUP.VERSION, 1L)
                .set(SCIM_GROUP.CREATED_AT, utc(created)).set(SCIM_GROUP.UPDATED_AT, utc(created))
                .returning(SCIM_GROUP.PK).fetchOne().getPk();
        for (IndexedValue v : ValueIndexer.index(registry.group(), resource)) {
            dsl.insertInto(GROUP_VALUE).set(GROUP_VALUE.GROUP_PK, pk).set(GROUP_VALUE.ATTR, v.attr())
                    .set(GROUP_VALUE.IDX, v.idx()).set(GROUP_VALUE.SOURCE_ID, sourceId)
                    .set(GROUP_VALUE.VAL, v.val()).set(GROUP_VALUE.NUM, v.num()).execute();
        }
        return pk;
    }

    void memberUser(long groupPk, long accountPk) {
        dsl.insertInto(GROUP_MEMBER).set(GROUP_MEMBER.GROUP_PK, groupPk).set(GROUP_MEMBER.MEMBER_ACCOUNT_PK, accountPk).execute();
    }

    void memberGroup(long groupPk, long nestedPk) {
        dsl.insertInto(GROUP_MEMBER).set(GROUP_MEMBER.GROUP_PK, groupPk).set(GROUP_MEMBER.MEMBER_GROUP_PK, nestedPk).execute();
    }

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static LocalDateTime utc(String isoInstant) {
        return OffsetDateTime.parse(isoInstant).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
