package dev.rollcall.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.schema.SchemaUris;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what a canonical SCIM User says about its human into flat domain facts. Keys are short
 * attribute paths: core attributes as named ({@code name.givenName}), the primary (else first)
 * email as {@code email} and each typed one as {@code emails.work}, enterprise and lifecycle
 * extension attributes by their own names ({@code department}, {@code manager}, {@code workerId}).
 */
public final class UserFactsExtractor {
    private static final String[] CORE_SIMPLE = {"userName", "displayName", "nickName", "title", "userType",
            "preferredLanguage", "locale", "timezone", "profileUrl"};
    private static final String[] NAME_PARTS = {"formatted", "familyName", "givenName", "middleName",
            "honorificPrefix", "honorificSuffix"};
    private static final String[] ENTERPRISE = {"employeeNumber", "costCenter", "organization", "division", "department"};
    private static final String[] LIFECYCLE = {"workerId", "hireDate", "terminationDate", "terminationReason",
            "employmentStatus", "crmAccountId"};

    public AccountFacts extract(ObjectNode user) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String attr : CORE_SIMPLE) {
            put(facts, attr, user.get(attr));
        }
        JsonNode name = user.path("name");
        for (String part : NAME_PARTS) {
            put(facts, "name." + part, name.get(part));
        }
        boolean active = !user.has("active") || user.get("active").asBoolean(true);
        facts.put("active", Boolean.toString(active));
        emails(user.path("emails"), facts);
        JsonNode enterprise = user.path(SchemaUris.ENTERPRISE_USER);
        for (String attr : ENTERPRISE) {
            put(facts, attr, enterprise.get(attr));
        }
        put(facts, "manager", enterprise.path("manager").get("value"));
        // HR systems with two reporting lines flag the primary one (see GoldenComputer)
        put(facts, "manager.primary", enterprise.path("manager").get("primary"));
        JsonNode lifecycle = user.path(SchemaUris.LIFECYCLE_USER);
        for (String attr : LIFECYCLE) {
            put(facts, attr, lifecycle.get(attr));
        }
        String workerId = facts.getOrDefault("workerId", facts.get("employeeNumber"));
        return new AccountFacts(workerId, active, facts);
    }

    private static void emails(JsonNode emails, Map<String, String> facts) {
        if (!emails.isArray() || emails.isEmpty()) {
            return;
        }
        JsonNode chosen = emails.get(0);
        for (JsonNode e : emails) {
            if (e.path("primary").asBoolean(false)) {
                chosen = e;
            }
            String type = e.path("type").asText("");
            if (!type.isEmpty()) {
                facts.putIfAbsent("emails." + type, e.path("value").asText(null));
            }
        }
        put(facts, "email", chosen.get("value"));
    }

    private static void put(Map<String, String> facts, String key, JsonNode value) {
        if (value != null && !value.isNull() && !value.isContainerNode() && !value.asText().isEmpty()) {
            facts.put(key, value.asText());
        }
    }
}
