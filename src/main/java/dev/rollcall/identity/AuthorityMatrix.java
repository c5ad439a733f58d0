package dev.rollcall.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per golden attribute, the source kinds allowed to set it, strongest first. An attribute is
 * looked up exactly, then by its prefix ({@code name.*}), then falls back to {@code *}.
 * Immutable: replacing the matrix means building a new one.
 */
public final class AuthorityMatrix {
    public static final String DEFAULT_KEY = "*";
    private static final Pattern KEY = Pattern.compile("\\*|[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*(\\.\\*)?");
    private static final List<SourceKind> HR_FIRST = List.of(SourceKind.HRIS, SourceKind.IDP, SourceKind.CRM);
    private static final List<SourceKind> IDP_FIRST = List.of(SourceKind.IDP, SourceKind.HRIS);
    private static final List<SourceKind> CRM_ONLY = List.of(SourceKind.CRM);
    private static final List<SourceKind> HRIS_ONLY = List.of(SourceKind.HRIS);
    /** Employment facts: only the HR system knows them; another source's value stays on its account. */
    private static final List<String> EMPLOYMENT = List.of("employmentStatus", "hireDate", "terminationDate",
            "terminationReason", "workerId");

    private final Map<String, List<SourceKind>> rules;

    /** Validates the rules: known key syntax, at least one kind each, no kind twice, a {@code *} rule. */
    public AuthorityMatrix(Map<String, List<SourceKind>> rules) {
        Map<String, List<SourceKind>> copy = new LinkedHashMap<>();
        rules.forEach((attr, kinds) -> {
            if (attr == null || !KEY.matcher(attr).matches()) {
                throw new IllegalArgumentException("authority: '" + attr + "' is not an attribute path (e.g. department, name.*, *)");
            }
            if (kinds == null || kinds.isEmpty()) {
                throw new IllegalArgumentException("authority: '" + attr + "' needs at least one source kind");
            }
            if (kinds.stream().anyMatch(java.util.Objects::isNull) || kinds.stream().distinct().count() != kinds.size()) {
                throw new IllegalArgumentException("authority: '" + attr + "' lists a source kind twice or null");
            }
            copy.put(attr, List.copyOf(kinds));
        });
        if (!copy.containsKey(DEFAULT_KEY)) {
            throw new IllegalArgumentException("authority: the default rule '*' is missing");
        }
        this.rules = Map.copyOf(copy);
    }

    /**
     * Issue 3's defaults: HR decides who someone is and where they work, and alone their employment
     * (status, dates, worker id); the IdP the login; the CRM its own data.
     */
    public static AuthorityMatrix defaults() {
        Map<String, List<SourceKind>> r = new LinkedHashMap<>();
        r.put(DEFAULT_KEY, HR_FIRST);
        EMPLOYMENT.forEach(attr -> r.put(attr, HRIS_ONLY));
        r.put("userName", IDP_FIRST);
        r.put("groups", IDP_FIRST);
        r.put("crmAccountId", CRM_ONLY);
        r.put("company", CRM_ONLY);
        r.put("contact.*", CRM_ONLY);
        return new AuthorityMatrix(r);
    }

    /** The defaults with some rules replaced (a configuration file or an admin's change). */
    public AuthorityMatrix withOverrides(Map<String, List<SourceKind>> overrides) {
        Map<String, List<SourceKind>> r = new LinkedHashMap<>(rules);
        r.putAll(overrides);
        return new AuthorityMatrix(r);
    }

    public Map<String, List<SourceKind>> rules() {
        return rules;
    }

    /** The kinds that may set an attribute, strongest first. */
    public List<SourceKind> kindsFor(String attribute) {
        List<SourceKind> exact = rules.get(attribute);
        if (exact != null) {
            return exact;
        }
        int dot = attribute.indexOf('.');
        if (dot > 0) {
            List<SourceKind> prefix = rules.get(attribute.substring(0, dot) + ".*");
            if (prefix != null) {
                return prefix;
            }
        }
        return rules.get(DEFAULT_KEY);
    }

    /** 0 for the strongest kind, 1 for the next...; -1 when this kind may not set the attribute at all. */
    public int rank(String attribute, SourceKind kind) {
        return kindsFor(attribute).indexOf(kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorityMatrix m && m.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }
}
