package dev.rollcall.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@link AccountFacts} as the SCIM extractor would make them: {@code email} and
 * {@code emails.work}, {@code active} as text, and the worker id taken from {@code workerId}, else
 * {@code employeeNumber}.
 */
public final class Facts {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private boolean active = true;

    private Facts() {
    }

    public static Facts named(String given, String family) {
        Facts f = new Facts();
        f.attributes.put("name.givenName", given);
        f.attributes.put("name.familyName", family);
        return f;
    }

    public static Facts blank() {
        return new Facts();
    }

    public Facts email(String email) {
        attributes.put("email", email);
        attributes.put("emails.work", email);
        return this;
    }

    /** A lifecycle workerId: the worker id, and a golden attribute. */
    public Facts worker(String workerId) {
        return with("workerId", workerId);
    }

    /** An enterprise employeeNumber: the worker id when there is no workerId. */
    public Facts employeeNumber(String number) {
        return with("employeeNumber", number);
    }

    public Facts userName(String userName) {
        return with("userName", userName);
    }

    public Facts department(String department) {
        return with("department", department);
    }

    public Facts inactive() {
        active = false;
        return this;
    }

    public Facts with(String attribute, String value) {
        attributes.put(attribute, value);
        return this;
    }

    public AccountFacts build() {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.put("active", Boolean.toString(active));
        return new AccountFacts(all.getOrDefault("workerId", all.get("employeeNumber")), active, all);
    }
}
