package dev.rollcall.identity;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Derives an account's match keys from its facts under the email policy. */
public final class MatchKeys {
    private static final int MAX_LENGTH = 320;
    private final EmailPolicy emails;

    public MatchKeys(EmailPolicy emails) {
        this.emails = emails;
    }

    public Set<MatchKey> of(AccountFacts facts) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        Set<String> addresses = emailsOf(facts);
        addresses.forEach(e -> add(keys, MatchKey.EMAIL, e));
        for (String alias : aliases(facts, addresses)) {
            add(keys, MatchKey.ALIAS, alias);
        }
        fullName(facts).ifPresent(n -> add(keys, MatchKey.NAME, n));
        String userName = facts.attributes().get("userName");
        if (userName != null) {
            add(keys, MatchKey.USERNAME, userName.strip().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    /** Every normalised email of the account (primary and typed). */
    public Set<String> emailsOf(AccountFacts facts) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : facts.attributes().entrySet()) {
            if (e.getKey().equals("email") || e.getKey().startsWith("emails.")) {
                emails.normalise(e.getValue()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** jane.doe, jdoe, janed, janedoe, doe.jane at each of the account's email domains. */
    public Set<String> aliases(AccountFacts facts, Set<String> addresses) {
        Set<String> out = new LinkedHashSet<>();
        String given = NameFolding.letters(facts.attributes().get("name.givenName"));
        String family = NameFolding.letters(facts.attributes().get("name.familyName"));
        if (given == null || family == null) {
            return out;
        }
        for (String address : addresses) {
            String domain = address.substring(address.lastIndexOf('@') + 1);
            for (String local : new String[]{given + "." + family, given.charAt(0) + family, given + family.charAt(0),
                    given + family, family + "." + given}) {
                emails.normalise(local + "@" + domain).ifPresent(out::add);
            }
        }
        return out;
    }

    public static Optional<String> fullName(AccountFacts facts) {
        String given = NameFolding.fold(facts.attributes().get("name.givenName"));
        String family = NameFolding.fold(facts.attributes().get("name.familyName"));
        if (given != null && family != null) {
            return Optional.of(given + " " + family);
        }
        return Optional.ofNullable(NameFolding.fold(facts.attributes().get("displayName")));
    }

    private static void add(Set<MatchKey> keys, String kind, String value) {
        if (value != null && !value.isEmpty() && value.length() <= MAX_LENGTH) {
            keys.add(new MatchKey(kind, value));
        }
    }
}
