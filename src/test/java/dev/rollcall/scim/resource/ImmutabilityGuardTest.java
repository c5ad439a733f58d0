package dev.rollcall.scim.resource;

import static dev.rollcall.scim.resource.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.Mutability;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImmutabilityGuardTest {
    private final ImmutabilityGuard guard = new ImmutabilityGuard();
    private final ResourceTypeDef group = new SchemaRegistry().group();
    /** A type with an immutable top-level attribute, which the built-in schemas do not have. */
    private final ResourceTypeDef badge = new ResourceTypeDef("Badge", "/Badges", "", new SchemaDef("urn:test:Badge", "Badge", "",
            List.of(AttributeDef.builder("serial", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                    AttributeDef.builder("label", AttributeType.STRING).build())), List.of());

    private static void assertMutability(Runnable call, String detailPart) {
        assertThatThrownBy(call::run).isInstanceOf(ScimException.class).hasMessageContaining(detailPart)
                .extracting(e -> ((ScimException) e).scimType()).isEqualTo("mutability");
    }

    @Test
    void allowsSettingAnImmutableValueThatWasUnset() {
        assertThatCode(() -> guard.check(badge, obj("{'label':'a'}"), obj("{'serial':'S1','label':'a'}"))).doesNotThrowAnyException();
    }

    @Test
    void allowsResendingTheSameImmutableValue() {
        assertThatCode(() -> guard.check(badge, obj("{'serial':'S1'}"), obj("{'serial':'S1','label':'b'}"))).doesNotThrowAnyException();
    }

    @Test
    void rejectsChangingASetImmutableValue() {
        assertMutability(() -> guard.check(badge, obj("{'serial':'S1'}"), obj("{'serial':'S2'}")), "'serial' is immutable");
    }

    @Test
    void doesNotTreatLeavingAnImmutableValueOutAsAChange() {
        assertThatCode(() -> guard.check(badge, obj("{'serial':'S1'}"), obj("{'label':'x'}"))).doesNotThrowAnyException();
    }

    @Test
    void allowsAddingAndRemovingMembers() {
        assertThatCode(() -> guard.check(group, obj("{'members':[{'value':'u1','type':'User'},{'value':'u2'}]}"),
                obj("{'members':[{'value':'u2'},{'value':'u3','type':'Group'}]}"))).doesNotThrowAnyException();
    }

    @Test
    void rejectsChangingTheTypeOfAMemberThatStays() {
        assertMutability(() -> guard.check(group, obj("{'members':[{'value':'u1','type':'User'}]}"),
                obj("{'members':[{'value':'u1','type':'Group'}]}")), "'members.type' is immutable");
    }
}
