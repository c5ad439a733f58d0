package dev.rollcall.app;

import dev.rollcall.identity.AuthorityRulesText;
import dev.rollcall.identity.EmailPolicy;
import dev.rollcall.identity.MatchPolicy;
import dev.rollcall.identity.PrimaryManagerRule;
import dev.rollcall.identity.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Identity resolution settings from ROLLCALL_* variables: match thresholds, email policy
 * (corporate domains, domain aliases, dot-insensitive domains, plus tags), the primary-manager rule
 * and the authority overrides file. Validated here, so a bad value stops start-up.
 */
public record IdentitySettings(MatchPolicy matchPolicy, Optional<Map<String, List<SourceKind>>> authorityOverrides) {

    public static IdentitySettings defaults() {
        return new IdentitySettings(MatchPolicy.defaults(), Optional.empty());
    }

    public static IdentitySettings fromEnvironment(Map<String, String> env) {
        EmailPolicy email = new EmailPolicy(
                bool(env, "ROLLCALL_EMAIL_STRIP_PLUS_TAGS", true),
                domains(env, "ROLLCALL_EMAIL_DOTLESS_DOMAINS", "gmail.com,googlemail.com"),
                aliases(env.get("ROLLCALL_EMAIL_DOMAIN_ALIASES")),
                domains(env, "ROLLCALL_CORPORATE_DOMAINS", ""));
        MatchPolicy policy = MatchPolicy.defaults().withEmail(email).withManagerRule(managerRule(env));
        int definite = intVar(env, "ROLLCALL_MATCH_DEFINITE", policy.definite());
        int candidate = intVar(env, "ROLLCALL_MATCH_CANDIDATE", policy.candidate());
        try {
            policy = policy.withThresholds(definite, candidate);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ROLLCALL_MATCH_DEFINITE / ROLLCALL_MATCH_CANDIDATE: " + e.getMessage());
        }
        return new IdentitySettings(policy, authorityFile(env.get("ROLLCALL_AUTHORITY_FILE")));
    }

    private static Optional<Map<String, List<SourceKind>>> authorityFile(String file) {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new ConfigException("ROLLCALL_AUTHORITY_FILE: cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<String, List<SourceKind>> rules = AuthorityRulesText.parse(text);
            dev.rollcall.identity.AuthorityMatrix.defaults().withOverrides(rules); // validates
            return Optional.of(rules);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ROLLCALL_AUTHORITY_FILE " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrimaryManagerRule managerRule(Map<String, String> env) {
        String raw = env.getOrDefault("ROLLCALL_PRIMARY_MANAGER_RULE", "newest").strip();
        try {
            return PrimaryManagerRule.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ROLLCALL_PRIMARY_MANAGER_RULE must be newest or oldest, got: " + raw);
        }
    }

    private static Set<String> domains(Map<String, String> env, String name, String dflt) {
        String raw = env.getOrDefault(name, dflt);
        Set<String> out = Arrays.stream(raw.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String d : out) {
            if (!d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
                throw new ConfigException(name + ": '" + d + "' is not a domain name");
            }
        }
        return out;
    }

    /** {@code corp.co.uk=corp.com,corp.de=corp.com}: each alias domain maps to its canonical domain. */
    private static Map<String, String> aliases(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split(",")) {
            String[] kv = pair.split("=");
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ConfigException("ROLLCALL_EMAIL_DOMAIN_ALIASES: expected alias=canonical pairs, got: " + pair);
            }
            out.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean bool(Map<String, String> env, String name, boolean dflt) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new ConfigException(name + " must be true or false, got: " + raw);
        }
        return Boolean.parseBoolean(raw);
    }

    private static int intVar(Map<String, String> env, String name, int dflt) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got: " + raw);
        }
    }
}
