package dev.rollcall.scim.patch;

import static dev.rollcall.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.scim.resource.TestJson;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;

/** Applies PATCH requests the way the endpoint will: engine, then normaliser. */
abstract class PatchFixture {
    static final String ENT = SchemaUris.ENTERPRISE_USER;
    static final String LC = SchemaUris.LIFECYCLE_USER;

    final SchemaRegistry registry = new SchemaRegistry();
    final AttributeValueNormalizer values = new AttributeValueNormalizer();
    final ResourceNormalizer normalizer = new ResourceNormalizer(values);
    final PatchEngine engine = new PatchEngine(registry, values, new ImmutabilityGuard());

    /** A stored user: the body normalised, as the store would hold it. */
    ObjectNode storedUser(String body) {
        return normalizer.normalize(registry.user(), json(body));
    }

    ObjectNode storedGroup(String body) {
        return normalizer.normalize(registry.group(), json(body));
    }

    ObjectNode patch(ResourceTypeDef type, ObjectNode current, String operations) {
        ObjectNode request = TestJson.obj("{'schemas':['" + SchemaUris.PATCH_OP + "'],'Operations':" + operations + "}");
        return normalizer.normalize(type, engine.apply(type, current, request));
    }

    ObjectNode patchUser(ObjectNode current, String operations) {
        return patch(registry.user(), current, operations);
    }

    ObjectNode patchGroup(ObjectNode current, String operations) {
        return patch(registry.group(), current, operations);
    }

    static void assertScimError(Runnable call, String scimType, String detailPart) {
        assertThatThrownBy(call::run).isInstanceOf(ScimException.class)
                .satisfies(e -> {
                    assertThat(((ScimException) e).scimType()).isEqualTo(scimType);
                    assertThat(((ScimException) e).status()).isEqualTo(400);
                })
                .hasMessageContaining(detailPart);
    }
}
