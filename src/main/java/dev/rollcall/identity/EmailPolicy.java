package dev.rollcall.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How email addresses are compared: case-folded, {@code +tags} dropped, dots ignored in the local
 * part of the domains that ignore them (gmail.com), domain aliases mapped to one canonical domain.
 * Corporate domains belong to the HRIS side: such an address identifies an employee.
 */
public record EmailPolicy(boolean stripPlusTags, Set<String> dotlessDomains, Map<String, String> domainAliases,
                          Set<String> corporateDomains) {

    public EmailPolicy {
        dotlessDomains = Set.copyOf(dotlessDomains);
        domainAliases = Map.copyOf(domainAliases);
        corporateDomains = Set.copyOf(corporateDomains);
    }

    public static EmailPolicy defaults() {
        return new EmailPolicy(true, Set.of("gmail.com", "googlemail.com"), Map.of(), Set.of());
    }

    /** The comparable form of an address, or empty when it is not one. */
    public Optional<String> normalise(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at <= 0 || at == e.length() - 1) {
            return Optional.empty();
        }
        String domain = domainAliases.getOrDefault(e.substring(at + 1), e.substring(at + 1));
        String local = e.substring(0, at);
        if (stripPlusTags && local.indexOf('+') > 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (dotlessDomains.contains(domain)) {
            local = local.replace(".", "");
        }
        return Optional.of(local + "@" + domain);
    }

    public boolean isCorporate(String normalisedEmail) {
        return corporateDomains.contains(normalisedEmail.substring(normalisedEmail.lastIndexOf('@') + 1));
    }
}
