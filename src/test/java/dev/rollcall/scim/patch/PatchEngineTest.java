package dev.rollcall.scim.patch;

import static dev.rollcall.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.resource.TestJson;
import dev.rollcall.schema.SchemaUris;
import org.junit.jupiter.api.Test;

/** RFC 7644 §3.5.2 semantics of add, remove and replace. */
class PatchEngineTest extends PatchFixture {
    private final ObjectNode ann = storedUser("{'userName':'ann','displayName':'Ann Lee','name':{'givenName':'Ann','familyName':'Lee'},"
            + "'emails':[{'value':'ann@work.com','type':'work','primary':true},{'value':'ann@home.com','type':'home'}],"
            + "'" + ENT + "':{'department':'Sales','manager':{'value':'m1'}}}");

    @Test
    void neverModifiesTheCurrentResource() {
        ObjectNode before = ann.deepCopy();
        engine.apply(registry.user(), ann, TestJson.obj("{'Operations':[{'op':'replace','path':'displayName','value':'X'},"
                + "{'op':'remove','path':'emails'}]}"));
        assertThat(ann).isEqualTo(before);
    }

    @Test
    void replacesASimpleAttribute() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'displayName','value':'Ann B'}]").get("displayName").asText())
                .isEqualTo("Ann B");
    }

    @Test
    void addsASimpleAttributeThatWasAbsent() {
        assertThat(patchUser(ann, "[{'op':'add','path':'title','value':'CEO'}]").get("title").asText()).isEqualTo("CEO");
    }

    @Test
    void replacesASubAttribute() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'name.givenName','value':'Anne'}]").get("name"))
                .isEqualTo(json("{'familyName':'Lee','givenName':'Anne'}"));
    }

    @Test
    void addsASubAttributeToAnAbsentComplexAttribute() {
        ObjectNode bare = storedUser("{'userName':'bob'}");
        assertThat(patchUser(bare, "[{'op':'add','path':'name.familyName','value':'Smith'}]").get("name"))
                .isEqualTo(json("{'familyName':'Smith'}"));
    }

    @Test
    void mergesAComplexValueOnReplaceAndAdd() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'name','value':{'givenName':'Anne'}}]").get("name"))
                .isEqualTo(json("{'familyName':'Lee','givenName':'Anne'}"));
        assertThat(patchUser(ann, "[{'op':'add','path':'name','value':{'middleName':'M'}}]").get("name"))
                .isEqualTo(json("{'familyName':'Lee','givenName':'Ann','middleName':'M'}"));
    }

    @Test
    void appendsToAMultiValuedAttributeWithoutDuplicating() {
        ObjectNode out = patchUser(ann, "[{'op':'add','path':'emails','value':[{'value':'ann@work.com','type':'work'},"
                + "{'value':'ann@other.com','type':'other'}]}]");
        assertThat(out.get("emails")).isEqualTo(json("[{'value':'ann@work.com','type':'work','primary':true},"
                + "{'value':'ann@home.com','type':'home'},{'value':'ann@other.com','type':'other'}]"));
    }

    @Test
    void replacesAllValuesOfAMultiValuedAttribute() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'emails','value':[{'value':'new@x.com'}]}]").get("emails"))
                .isEqualTo(json("[{'value':'new@x.com'}]"));
    }

    @Test
    void replacesTheSubAttributeOfFilteredValues() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'emails[type eq \"work\"].value','value':'ann@new.com'}]").get("emails"))
                .isEqualTo(json("[{'value':'ann@new.com','type':'work','primary':true},{'value':'ann@home.com','type':'home'}]"));
    }

    @Test
    void mergesIntoFilteredValues() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'emails[type eq \"home\"]','value':{'value':'h@x.com','display':'H'}}]")
                .get("emails").get(1)).isEqualTo(json("{'value':'h@x.com','display':'H','type':'home'}"));
    }

    @Test
    void addThroughAFilterMatchingNothingCreatesTheValue() {
        ObjectNode bare = storedUser("{'userName':'bob'}");
        assertThat(patchUser(bare, "[{'op':'add','path':'emails[type eq \"work\"].value','value':'bob@work.com'}]").get("emails"))
                .isEqualTo(json("[{'value':'bob@work.com','type':'work'}]"));
        assertThat(patchUser(bare, "[{'op':'add','path':'addresses[type eq \"work\"]','value':{'locality':'Oslo'}}]")
                .get("addresses")).isEqualTo(json("[{'locality':'Oslo','type':'work'}]"));
    }

    @Test
    void replaceThroughAFilterMatchingNothingIsNoTarget() {
        assertScimError(() -> patchUser(ann, "[{'op':'replace','path':'emails[type eq \"fax\"].value','value':'x'}]"),
                "noTarget", "matches the filter");
    }

    @Test
    void addThroughANonEqualityFilterMatchingNothingIsNoTarget() {
        assertScimError(() -> patchUser(ann, "[{'op':'add','path':'emails[value co \"zzz\"].type','value':'other'}]"),
                "noTarget", "emails");
    }

    @Test
    void removesAWholeAttribute() {
        ObjectNode out = patchUser(ann, "[{'op':'remove','path':'emails'},{'op':'remove','path':'name.givenName'}]");
        assertThat(out.has("emails")).isFalse();
        assertThat(out.get("name")).isEqualTo(json("{'familyName':'Lee'}"));
    }

    @Test
    void removesFilteredValues() {
        assertThat(patchUser(ann, "[{'op':'remove','path':'emails[type eq \"work\" or value ew \"home.com\"]'}]").has("emails"))
                .isFalse();
        assertThat(patchUser(ann, "[{'op':'remove','path':'emails[not (type eq \"work\")]'}]").get("emails"))
                .isEqualTo(json("[{'value':'ann@work.com','type':'work','primary':true}]"));
    }

    @Test
    void removingWhatIsNotThereSucceeds() {
        assertThat(patchUser(ann, "[{'op':'remove','path':'emails[type eq \"fax\"]'},{'op':'remove','path':'title'}]"))
                .isEqualTo(ann);
    }

    @Test
    void removesASubAttributeOfFilteredValues() {
        assertThat(patchUser(ann, "[{'op':'remove','path':'emails[type eq \"work\"].primary'}]").get("emails").get(0))
                .isEqualTo(json("{'value':'ann@work.com','type':'work'}"));
    }

    @Test
    void makingOneValuePrimaryDemotesTheOthers() {
        ObjectNode out = patchUser(ann, "[{'op':'replace','path':'emails[type eq \"home\"].primary','value':true}]");
        assertThat(out.get("emails")).isEqualTo(json("[{'value':'ann@work.com','type':'work','primary':false},"
                + "{'value':'ann@home.com','type':'home','primary':true}]"));
        ObjectNode added = patchUser(ann, "[{'op':'add','path':'emails','value':{'value':'n@x.com','primary':true}}]");
        assertThat(added.at("/emails/0/primary").booleanValue()).isFalse();
        assertThat(added.at("/emails/2/primary").booleanValue()).isTrue();
    }

    @Test
    void replacingWithTwoPrimariesIsInvalid() {
        assertScimError(() -> patchUser(ann, "[{'op':'replace','path':'emails','value':[{'value':'a@x','primary':true},"
                + "{'value':'b@x','primary':true}]}]"), "invalidValue", "primary");
    }

    @Test
    void writesEnterpriseAttributesByUrnPath() {
        ObjectNode out = patchUser(ann, "[{'op':'replace','path':'" + ENT + ":department','value':'R&D'},"
                + "{'op':'add','path':'" + ENT + ":employeeNumber','value':'701984'},"
                + "{'op':'replace','path':'" + ENT + ":manager.value','value':'m2'}]");
        assertThat(out.get(ENT)).isEqualTo(json("{'employeeNumber':'701984','department':'R&D','manager':{'value':'m2'}}"));
    }

    @Test
    void createsTheExtensionWhenAddingItsFirstAttribute() {
        ObjectNode out = patchUser(storedUser("{'userName':'bob'}"), "[{'op':'add','path':'" + LC + ":workerId','value':'W7'}]");
        assertThat(out.get(LC)).isEqualTo(json("{'workerId':'W7'}"));
        assertThat(out.get("schemas")).isEqualTo(json("['" + SchemaUris.USER + "','" + LC + "']"));
    }

    @Test
    void removingTheLastExtensionAttributeRemovesTheExtension() {
        ObjectNode out = patchUser(ann, "[{'op':'remove','path':'" + ENT + ":department'},{'op':'remove','path':'" + ENT + ":manager'}]");
        assertThat(out.has(ENT)).isFalse();
        assertThat(out.get("schemas")).isEqualTo(json("['" + SchemaUris.USER + "']"));
    }

    @Test
    void targetsAWholeExtensionByItsUrn() {
        assertThat(patchUser(ann, "[{'op':'remove','path':'" + ENT + "'}]").has(ENT)).isFalse();
        assertThat(patchUser(ann, "[{'op':'replace','path':'" + ENT + "','value':{'department':'Ops'}}]").get(ENT))
                .isEqualTo(json("{'department':'Ops','manager':{'value':'m1'}}"));
    }

    @Test
    void replaceWithNullRemoves() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'displayName','value':null}]").has("displayName")).isFalse();
    }

    @Test
    void namesAttributesCaseInsensitively() {
        ObjectNode out = patchUser(ann, "[{'op':'replace','path':'NAME.GIVENNAME','value':'A'},"
                + "{'op':'replace','path':'EMAILS[TYPE EQ \"WORK\"].VALUE','value':'w@x.com'}]");
        assertThat(out.at("/name/givenName").asText()).isEqualTo("A");
        assertThat(out.at("/emails/0/value").asText()).isEqualTo("w@x.com");
    }

    @Test
    void appliesOperationsInOrder() {
        ObjectNode out = patchUser(ann, "[{'op':'remove','path':'emails'},{'op':'add','path':'emails','value':[{'value':'z@x.com'}]},"
                + "{'op':'replace','path':'emails[value eq \"z@x.com\"].type','value':'work'}]");
        assertThat(out.get("emails")).isEqualTo(json("[{'value':'z@x.com','type':'work'}]"));
    }

    @Test
    void noPathAddSetsEveryAttributeGiven() {
        ObjectNode out = patchUser(ann, "[{'op':'add','value':{'title':'CTO','name':{'middleName':'Q'},"
                + "'emails':[{'value':'q@x.com'}]}}]");
        assertThat(out.get("title").asText()).isEqualTo("CTO");
        assertThat(out.get("name")).isEqualTo(json("{'familyName':'Lee','givenName':'Ann','middleName':'Q'}"));
        assertThat(out.get("emails")).hasSize(3);
    }

    @Test
    void noPathReplaceReplacesMultiValuedAttributesWhole() {
        assertThat(patchUser(ann, "[{'op':'replace','value':{'emails':[{'value':'only@x.com'}]}}]").get("emails"))
                .isEqualTo(json("[{'value':'only@x.com'}]"));
    }

    @Test
    void noPathValueMayUseAnExtensionObject() {
        assertThat(patchUser(ann, "[{'op':'replace','value':{'" + ENT + "':{'department':'Ops','costCenter':'C1'}}}]").get(ENT))
                .isEqualTo(json("{'costCenter':'C1','department':'Ops','manager':{'value':'m1'}}"));
    }

    @Test
    void noPathValueDropsUnknownAttributes() {
        assertThat(patchUser(ann, "[{'op':'replace','value':{'shoeSize':42,'title':'X','" + ENT + ":hatSize':3}}]").get("title").asText())
                .isEqualTo("X");
    }

    @Test
    void filtersCompareNumbersDatesAndBooleans() {
        ObjectNode bob = storedUser("{'userName':'bob','emails':[{'value':'a@x','primary':true},{'value':'b@x'}]}");
        assertThat(patchUser(bob, "[{'op':'remove','path':'emails[primary eq true]'}]").get("emails"))
                .isEqualTo(json("[{'value':'b@x'}]"));
        assertThat(patchUser(bob, "[{'op':'remove','path':'emails[primary pr]'}]").get("emails"))
                .isEqualTo(json("[{'value':'b@x'}]"));
    }

    @Test
    void replacesAnAttributeWithoutPathInASchemaQualifiedCoreName() {
        assertThat(patchUser(ann, "[{'op':'replace','path':'" + SchemaUris.USER + ":displayName','value':'Z'}]")
                .get("displayName").asText()).isEqualTo("Z");
    }
}
