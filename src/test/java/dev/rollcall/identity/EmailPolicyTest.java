package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailPolicyTest {
    private final EmailPolicy policy = new EmailPolicy(true, Set.of("gmail.com"), Map.of("corp.co.uk", "corp.com"),
            Set.of("corp.com"));

    @Test
    void foldsCaseDropsPlusTagsAndMapsDomainAliases() {
        assertThat(policy.normalise(" Jane.Doe+lms@CORP.co.uk ")).hasValue("jane.doe@corp.com");
    }

    @Test
    void ignoresDotsOnlyWhereTheDomainDoes() {
        assertThat(policy.normalise("j.a.n.e@gmail.com")).hasValue("jane@gmail.com");
        assertThat(policy.normalise("j.ane@corp.com")).hasValue("j.ane@corp.com");
    }

    @Test
    void rejectsWhatIsNotAnAddress() {
        assertThat(policy.normalise("not-an-address")).isEmpty();
        assertThat(policy.normalise("@corp.com")).isEmpty();
    }

    @Test
    void nameDerivedAliasesCoverTheUsualLocalPartVariants() {
        MatchKeys keys = new MatchKeys(policy);
        AccountFacts facts = new AccountFacts(null, true,
                Map.of("name.givenName", "Jane", "name.familyName", "Doe", "email", "jane.doe@corp.com"));
        assertThat(keys.aliases(facts, keys.emailsOf(facts)))
                .contains("jane.doe@corp.com", "jdoe@corp.com", "janed@corp.com", "janedoe@corp.com");
        assertThat(policy.isCorporate("jdoe@corp.com")).isTrue();
    }
}
