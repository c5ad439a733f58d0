package dev.rollcall.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberChangesTest {

    @Test
    void changesAreTheDifferenceOnly() {
        Member a = new Member(Member.Kind.USER, 1, "a", "A");
        Member b = new Member(Member.Kind.GROUP, 2, "b", "B");
        MemberChanges changes = MemberChanges.between(List.of(a, b),
                List.of(new RequestedMember("b", "Group"), new RequestedMember("c", null)));
        assertThat(changes.added()).containsExactly(new RequestedMember("c", null));
        assertThat(changes.removed()).containsExactly(a);
        assertThat(MemberChanges.between(List.of(a), List.of(new RequestedMember("a", null))).isEmpty()).isTrue();
        assertThatThrownBy(() -> MemberChanges.between(List.of(a), List.of(new RequestedMember("a", "Group"))))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.INVALID_MEMBER));
    }
}
