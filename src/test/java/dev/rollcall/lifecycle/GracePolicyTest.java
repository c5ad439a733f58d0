package dev.rollcall.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GracePolicyTest {
    private final GracePolicy policy = new GracePolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));

    @Test
    void reasonsMapToInvoluntaryVoluntaryOrDefaultIgnoringCaseSpacesAndHyphens() {
        assertThat(policy.graceFor("involuntary")).hasSeconds(1);
        assertThat(policy.graceFor("For-Cause")).hasSeconds(1);
        assertThat(policy.graceFor(" misconduct ")).hasSeconds(1);
        assertThat(policy.graceFor("Voluntary")).hasSeconds(2);
        assertThat(policy.graceFor("resignation")).hasSeconds(2);
        assertThat(policy.graceFor("retired")).hasSeconds(2);
        assertThat(policy.graceFor("terminated")).hasSeconds(3);
        assertThat(policy.graceFor("end of contract")).hasSeconds(3);
        assertThat(policy.graceFor(null)).hasSeconds(3);
    }

    @Test
    void theDefaultsAreNoneForInvoluntaryTwoWeeksForVoluntaryAndOneWeekOtherwise() {
        GracePolicy d = GracePolicy.defaults();
        assertThat(d.involuntary()).isZero();
        assertThat(d.voluntary()).isEqualTo(Duration.ofDays(14));
        assertThat(d.fallback()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> new GracePolicy(Duration.ZERO, Duration.ofDays(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voluntary");
    }
}
