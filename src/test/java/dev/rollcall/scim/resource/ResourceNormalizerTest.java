package dev.rollcall.scim.resource;

import static dev.rollcall.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import org.junit.jupiter.api.Test;

class ResourceNormalizerTest {
    private static final String ENT = SchemaUris.ENTERPRISE_USER;
    private static final String LC = SchemaUris.LIFECYCLE_USER;

    private final SchemaRegistry registry = new SchemaRegistry();
    private final ResourceNormalizer normalizer = new ResourceNormalizer(new AttributeValueNormalizer());

    private ObjectNode user(String body) {
        return normalizer.normalize(registry.user(), json(body));
    }

    private ObjectNode group(String body) {
        return normalizer.normalize(registry.group(), json(body));
    }

    private static void assertScimError(Runnable call, String scimType, String detailPart) {
        assertThatThrownBy(call::run).isInstanceOf(ScimException.class)
                .satisfies(e -> {
                    assertThat(((ScimException) e).scimType()).isEqualTo(scimType);
                    assertThat(((ScimException) e).status()).isEqualTo(400);
                })
                .hasMessageContaining(detailPart);
    }

    @Test
    void keepsAPlainUserInCanonicalForm() {
        ObjectNode out = user("{'schemas':['" + SchemaUris.USER + "'],'userName':'ann','active':true}");
        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUris.USER + "'],'userName':'ann','active':true}"));
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        assertScimError(() -> user("['userName']"), "invalidSyntax", "JSON object");
        assertScimError(() -> normalizer.normalize(registry.user(), null), "invalidSyntax", "JSON object");
    }

    @Test
    void addsTheCoreSchemaWhenSchemasIsMissing() {
        assertThat(user("{'userName':'ann'}").get("schemas")).isEqualTo(json("['" + SchemaUris.USER + "']"));
    }

    @Test
    void acceptsSchemasAsASingleStringAndInAnyCase() {
        assertThat(user("{'schemas':'" + SchemaUris.USER.toUpperCase() + "','userName':'ann'}").get("userName").asText())
                .isEqualTo("ann");
    }

    @Test
    void rejectsSchemasWithoutTheCoreSchema() {
        assertScimError(() -> user("{'schemas':['" + ENT + "'],'userName':'ann'}"), "invalidValue", "must include");
    }

    @Test
    void rejectsAGroupBodySentAsAUser() {
        assertScimError(() -> user("{'schemas':['" + SchemaUris.GROUP + "'],'displayName':'x','userName':'a'}"),
                "invalidValue", "not a schema of resource type User");
    }

    @Test
    void rejectsSchemasThatIsNotAListOfStrings() {
        assertScimError(() -> user("{'schemas':{'a':1},'userName':'ann'}"), "invalidValue", "schemas");
        assertScimError(() -> user("{'schemas':[1],'userName':'ann'}"), "invalidValue", "schemas");
    }

    @Test
    void rewritesAttributeNamesToTheSchemaCase() {
        ObjectNode out = user("{'USERNAME':'ann','Name':{'GIVENNAME':'Ann','familyname':'Lee'},"
                + "'EMAILS':[{'VALUE':'a@x.com','Type':'work'}],'" + ENT.toUpperCase() + "':{'DEPARTMENT':'Sales'}}");
        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUris.USER + "','" + ENT + "'],'userName':'ann',"
                + "'name':{'familyName':'Lee','givenName':'Ann'},'emails':[{'value':'a@x.com','type':'work'}],"
                + "'" + ENT + "':{'department':'Sales'}}"));
    }

    @Test
    void ordersAttributesAsTheSchemaDoes() {
        ObjectNode out = user("{'active':true,'externalId':'e1','userName':'ann'}");
        assertThat(out.fieldNames()).toIterable().containsExactly("schemas", "externalId", "userName", "active");
    }

    @Test
    void rejectsTheSameAttributeInTwoSpellings() {
        assertScimError(() -> user("{'userName':'ann','USERNAME':'bob'}"), "invalidValue", "more than once");
    }

    @Test
    void dropsUnknownAttributesAndSubAttributes() {
        ObjectNode out = user("{'userName':'ann','favouriteColour':'blue','name':{'givenName':'Ann','nick':'x'},"
                + "'" + ENT + "':{'department':'Sales','shoeSize':42}}");
        assertThat(out.has("favouriteColour")).isFalse();
        assertThat(out.get("name")).isEqualTo(json("{'givenName':'Ann'}"));
        assertThat(out.get(ENT)).isEqualTo(json("{'department':'Sales'}"));
    }

    @Test
    void rejectsAnUnknownExtensionUrnKey() {
        assertScimError(() -> user("{'userName':'ann','urn:example:custom:1.0:User':{'x':1}}"),
                "invalidValue", "urn:example:custom:1.0:User");
    }

    @Test
    void rejectsAnExtensionThatIsNotAnObject() {
        assertScimError(() -> user("{'userName':'ann','" + ENT + "':'Sales'}"), "invalidValue", "JSON object");
    }

    @Test
    void readsUrnQualifiedAttributeKeys() {
        ObjectNode out = user("{'userName':'ann','" + ENT + ":department':'Sales','" + SchemaUris.USER + ":title':'CEO'}");
        assertThat(out.get(ENT)).isEqualTo(json("{'department':'Sales'}"));
        assertThat(out.get("title").asText()).isEqualTo("CEO");
        assertThat(out.get("schemas")).isEqualTo(json("['" + SchemaUris.USER + "','" + ENT + "']"));
    }

    @Test
    void listsOnlyExtensionsThatHaveData() {
        ObjectNode out = user("{'schemas':['" + SchemaUris.USER + "','" + ENT + "','" + LC + "'],'userName':'ann',"
                + "'" + LC + "':{'workerId':'W1'}}");
        assertThat(out.get("schemas")).isEqualTo(json("['" + SchemaUris.USER + "','" + LC + "']"));
        assertThat(out.has(ENT)).isFalse();
    }

    @Test
    void ignoresReadOnlyAttributesSentByTheClient() {
        ObjectNode out = user("{'id':'client-id','userName':'ann','meta':{'created':'2020-01-01T00:00:00Z'},"
                + "'groups':[{'value':'g1'}],'" + LC + "':{'personId':'p1','workerId':'W1'}}");
        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUris.USER + "','" + LC + "'],'userName':'ann',"
                + "'" + LC + "':{'workerId':'W1'}}"));
    }

    @Test
    void ignoresReadOnlyMemberDisplay() {
        ObjectNode out = group("{'displayName':'G','members':[{'value':'u1','display':'Ann','type':'User'}]}");
        assertThat(out.get("members")).isEqualTo(json("[{'value':'u1','type':'User'}]"));
    }

    @Test
    void neverStoresAPassword() {
        assertThat(user("{'userName':'ann','password':'s3cret'}").has("password")).isFalse();
    }

    @Test
    void coercesBooleanStringsInAnyCase() {
        assertThat(user("{'userName':'ann','active':'True'}").get("active").isBoolean()).isTrue();
        assertThat(user("{'userName':'ann','active':'FALSE'}").get("active").booleanValue()).isFalse();
        assertThat(user("{'userName':'ann','emails':[{'value':'a@x','primary':'true'}]}").at("/emails/0/primary").booleanValue())
                .isTrue();
    }

    @Test
    void rejectsAValueThatIsNotABoolean() {
        assertScimError(() -> user("{'userName':'ann','active':'yes'}"), "invalidValue", "'active' expects a boolean");
        assertScimError(() -> user("{'userName':'ann','active':1}"), "invalidValue", "active");
    }

    @Test
    void turnsNumbersIntoStringsForStringAttributes() {
        assertThat(user("{'userName':'ann','" + ENT + "':{'employeeNumber':12345}}").at("/" + ENT.replace("/", "~1") + "/employeeNumber"))
                .isEqualTo(json("'12345'"));
    }

    @Test
    void rejectsAnObjectWhereAStringIsExpected() {
        assertScimError(() -> user("{'userName':{'a':1}}"), "invalidValue", "'userName'");
        assertScimError(() -> user("{'userName':'ann','title':['a','b']}"), "invalidValue", "single-valued");
    }

    @Test
    void canonicalisesDateTimesToUtc() {
        ObjectNode out = user("{'userName':'ann','" + LC + "':{'hireDate':'2024-05-01T10:00:00+02:00',"
                + "'terminationDate':'2025-01-31'}}");
        assertThat(out.get(LC)).isEqualTo(json("{'hireDate':'2024-05-01T08:00:00Z','terminationDate':'2025-01-31'}"));
    }

    @Test
    void rejectsADateTimeThatDoesNotParse() {
        assertScimError(() -> user("{'userName':'ann','" + LC + "':{'hireDate':'next Tuesday'}}"),
                "invalidValue", "not a valid dateTime");
        assertScimError(() -> user("{'userName':'ann','" + LC + "':{'hireDate':20240501}}"), "invalidValue", "hireDate");
    }

    @Test
    void wrapsASingleObjectOfAMultiValuedAttribute() {
        assertThat(user("{'userName':'ann','emails':{'value':'a@x.com'}}").get("emails"))
                .isEqualTo(json("[{'value':'a@x.com'}]"));
        assertThat(user("{'userName':'ann','emails':['a@x.com']}").get("emails")).isEqualTo(json("[{'value':'a@x.com'}]"));
    }

    @Test
    void rejectsABareStringForAMultiValuedAttribute() {
        assertScimError(() -> user("{'userName':'ann','emails':'a@x.com'}"), "invalidValue", "'emails' is multi-valued");
    }

    @Test
    void rejectsAMultiValuedAttributeThatCannotBeCoerced() {
        assertScimError(() -> user("{'userName':'ann','emails':true}"), "invalidValue", "emails");
        assertScimError(() -> user("{'userName':'ann','emails':[42]}"), "invalidValue", "emails[0]");
        assertScimError(() -> user("{'userName':'ann','name':'Ann Lee'}"), "invalidValue", "'name' expects a complex value");
    }

    @Test
    void turnsABareManagerIdIntoAManagerObject() {
        assertThat(user("{'userName':'ann','" + ENT + "':{'manager':'m42'}}").get(ENT))
                .isEqualTo(json("{'manager':{'value':'m42'}}"));
    }

    @Test
    void dropsTheReadOnlyManagerDisplayName() {
        assertThat(user("{'userName':'ann','" + ENT + "':{'manager':{'value':'m42','displayName':'Boss'}}}").get(ENT))
                .isEqualTo(json("{'manager':{'value':'m42'}}"));
    }

    @Test
    void rejectsTwoPrimaryValues() {
        assertScimError(() -> user("{'userName':'ann','emails':[{'value':'a@x','primary':true},{'value':'b@x','primary':'True'}]}"),
                "invalidValue", "more than one value marked primary");
    }

    @Test
    void acceptsOnePrimaryAmongOthers() {
        assertThat(user("{'userName':'ann','emails':[{'value':'a@x','primary':true},{'value':'b@x','primary':false}]}")
                .get("emails")).hasSize(2);
    }

    @Test
    void requiresAUserName() {
        assertScimError(() -> user("{'displayName':'Ann'}"), "invalidValue", "'userName' is required");
        assertScimError(() -> user("{'userName':'   '}"), "invalidValue", "'userName' is required");
        assertScimError(() -> user("{'userName':null}"), "invalidValue", "'userName' is required");
    }

    @Test
    void requiresAGroupDisplayName() {
        assertScimError(() -> group("{'members':[]}"), "invalidValue", "'displayName' is required");
    }

    @Test
    void treatsNullAndEmptyValuesAsAbsent() {
        ObjectNode out = user("{'userName':'ann','title':null,'nickName':'','emails':[],'name':{},"
                + "'phoneNumbers':[null],'" + ENT + "':null,'" + LC + "':{'workerId':null}}");
        assertThat(out).isEqualTo(json("{'schemas':['" + SchemaUris.USER + "'],'userName':'ann'}"));
    }

    @Test
    void collapsesDuplicateValues() {
        ObjectNode out = group("{'displayName':'G','members':[{'value':'u1'},{'value':'u1','type':'User'},{'value':'u2'},{'value':'u2'}]}");
        assertThat(out.get("members")).isEqualTo(json("[{'value':'u1','type':'User'},{'value':'u2'}]"));
    }

    @Test
    void dropsValuesWithoutTheirValueSubAttribute() {
        assertThat(user("{'userName':'ann','emails':[{'type':'work'},{'value':'b@x','type':'home'}]}").get("emails"))
                .isEqualTo(json("[{'value':'b@x','type':'home'}]"));
    }

    @Test
    void checksBinaryAndNumberTypes() {
        assertThat(user("{'userName':'ann','x509Certificates':[{'value':'TUlJQg=='}]}").get("x509Certificates")).hasSize(1);
        assertScimError(() -> user("{'userName':'ann','x509Certificates':[{'value':'not base64!'}]}"),
                "invalidValue", "base64");
    }

    @Test
    void keepsExternalIdExactly() {
        assertThat(user("{'userName':'ann','EXTERNALID':'Ab-1'}").get("externalId").asText()).isEqualTo("Ab-1");
    }

    @Test
    void theValueLimitBindsAUsersMultiValuedAttributesButNotAGroupsMembers() {
        ResourceNormalizer strict = new ResourceNormalizer(new AttributeValueNormalizer(), 2);
        assertThatThrownBy(() -> strict.normalize(registry.user(), json(
                "{'userName':'a','emails':[{'value':'a@x.example'},{'value':'b@x.example'},{'value':'c@x.example'}]}")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.getMessage()).contains("'emails' has 3 values; at most 2");
                });
        ObjectNode group = strict.normalize(registry.group(), json(
                "{'displayName':'g','members':[{'value':'1'},{'value':'2'},{'value':'3'}]}"));
        assertThat(group.get("members")).hasSize(3);
    }
}
