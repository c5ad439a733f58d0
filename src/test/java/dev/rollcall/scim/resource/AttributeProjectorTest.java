package dev.rollcall.scim.resource;

import static dev.rollcall.scim.resource.TestJson.json;
import static dev.rollcall.scim.resource.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.Returned;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeProjectorTest {
    private static final String ENT = SchemaUris.ENTERPRISE_USER;
    private final SchemaRegistry registry = new SchemaRegistry();
    private final AttributeProjector projector = new AttributeProjector(registry);
    private final ObjectNode user = obj("{'schemas':['" + SchemaUris.USER + "','" + ENT + "'],'id':'42','externalId':'e1',"
            + "'userName':'ann','name':{'givenName':'Ann','familyName':'Lee'},'password':'leaked?',"
            + "'emails':[{'value':'a@x','type':'work'},{'value':'b@x','type':'home'}],"
            + "'meta':{'resourceType':'User','version':'W/\"1\"'},"
            + "'" + ENT + "':{'department':'Sales','manager':{'value':'m1'}}}");

    private ObjectNode project(String attributes, String excluded) {
        return projector.project(registry.user(), user, attributes, excluded);
    }

    @Test
    void returnsDefaultAttributesButNeverThePassword() {
        ObjectNode out = project(null, null);
        assertThat(out.has("password")).isFalse();
        assertThat(out.fieldNames()).toIterable().containsExactly("schemas", "id", "externalId", "userName", "name", "emails",
                "meta", ENT);
    }

    @Test
    void returnsOnlyRequestedAttributesPlusAlwaysOnes() {
        ObjectNode out = project("userName", null);
        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUris.USER + "','" + ENT + "'],'id':'42','userName':'ann'}"));
    }

    @Test
    void returnsRequestedSubAttributes() {
        assertThat(project("name.givenName,emails.value", null))
                .isEqualTo(json("{'schemas':['" + SchemaUris.USER + "','" + ENT + "'],'id':'42','name':{'givenName':'Ann'},"
                        + "'emails':[{'value':'a@x'},{'value':'b@x'}]}"));
    }

    @Test
    void matchesNamesCaseInsensitivelyAndWithUrns() {
        assertThat(project("USERNAME, " + ENT + ":department", null))
                .isEqualTo(json("{'schemas':['" + SchemaUris.USER + "','" + ENT + "'],'id':'42','userName':'ann','"
                        + ENT + "':{'department':'Sales'}}"));
        assertThat(project(SchemaUris.USER + ":userName", null).get("userName").asText()).isEqualTo("ann");
    }

    @Test
    void returnsAWholeExtensionByItsUrn() {
        assertThat(project(ENT.toLowerCase(), null).get(ENT)).isEqualTo(json("{'department':'Sales','manager':{'value':'m1'}}"));
    }

    @Test
    void excludesAttributesSubAttributesAndExtensions() {
        ObjectNode out = project(null, "emails,name.familyName," + ENT + ",meta");
        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUris.USER + "','" + ENT + "'],'id':'42','externalId':'e1',"
                + "'userName':'ann','name':{'givenName':'Ann'}}"));
    }

    @Test
    void neverExcludesAlwaysReturnedAttributes() {
        ObjectNode out = project(null, "id,schemas");
        assertThat(out.get("id").asText()).isEqualTo("42");
        assertThat(out.has("schemas")).isTrue();
    }

    @Test
    void neverReturnsThePasswordEvenWhenAsked() {
        assertThat(project("password", null).has("password")).isFalse();
    }

    @Test
    void ignoresUnknownNames() {
        assertThat(project("userName,shoeSize,urn:example:x:1.0:User:a", "hatSize")).isEqualTo(project("userName", null));
    }

    @Test
    void rejectsMalformedPaths() {
        assertThatThrownBy(() -> project("user name", null)).isInstanceOf(ScimException.class)
                .hasMessageContaining("attributes")
                .extracting(e -> ((ScimException) e).scimType()).isEqualTo("invalidPath");
        assertThatThrownBy(() -> project(null, "emails[type eq \"work\"]")).isInstanceOf(ScimException.class)
                .hasMessageContaining("excludedAttributes");
    }

    @Test
    void returnsRequestOnlyAttributesOnlyWhenAsked() {
        ResourceTypeDef type = new ResourceTypeDef("T", "/T", "", new SchemaDef("urn:test:T", "T", "", List.of(
                AttributeDef.builder("plain", AttributeType.STRING).build(),
                AttributeDef.builder("secretish", AttributeType.STRING).returned(Returned.REQUEST).build())), List.of());
        ObjectNode resource = obj("{'plain':'p','secretish':'s'}");
        assertThat(projector.project(type, resource, null, null)).isEqualTo(json("{'plain':'p'}"));
        assertThat(projector.project(type, resource, "secretish", null)).isEqualTo(json("{'secretish':'s'}"));
    }

    @Test
    void doesNotModifyTheResource() {
        ObjectNode before = user.deepCopy();
        project("userName", "emails");
        assertThat(user).isEqualTo(before);
    }
}
