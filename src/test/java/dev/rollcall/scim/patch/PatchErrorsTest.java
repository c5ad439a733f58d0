package dev.rollcall.scim.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.resource.TestJson;
import org.junit.jupiter.api.Test;

/** Every way a PATCH is refused, with its scimType. */
class PatchErrorsTest extends PatchFixture {
    private final ObjectNode user = storedUser("{'userName':'ann','emails':[{'value':'a@x','type':'work'}],"
            + "'" + LC + "':{'workerId':'W1'}}");
    private final ObjectNode group = storedGroup("{'displayName':'G','members':[{'value':'u1','type':'User'}]}");

    private void apply(String request) {
        engine.apply(registry.user(), user, TestJson.json(request));
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        assertScimError(() -> apply("[]"), "invalidSyntax", "JSON object");
    }

    @Test
    void rejectsMissingOrNonArrayOperations() {
        assertScimError(() -> apply("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}"), "invalidSyntax", "Operations");
        assertScimError(() -> apply("{'Operations':{'op':'add'}}"), "invalidSyntax", "Operations");
    }

    @Test
    void rejectsEmptyOperations() {
        assertScimError(() -> apply("{'Operations':[]}"), "invalidValue", "at least one");
    }

    @Test
    void rejectsTheWrongMessageSchema() {
        assertScimError(() -> apply("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'Operations':[{'op':'remove','path':'title'}]}"),
                "invalidSyntax", "PatchOp");
    }

    @Test
    void rejectsAnUnknownOp() {
        assertScimError(() -> apply("{'Operations':[{'op':'merge','path':'title','value':'x'}]}"), "invalidValue", "unknown op 'merge'");
    }

    @Test
    void rejectsAnOperationWithoutOp() {
        assertScimError(() -> apply("{'Operations':[{'path':'title','value':'x'}]}"), "invalidSyntax", "Operations[0]");
        assertScimError(() -> apply("{'Operations':['add']}"), "invalidSyntax", "Operations[0]");
    }

    @Test
    void rejectsAddAndReplaceWithoutValue() {
        assertScimError(() -> apply("{'Operations':[{'op':'add','path':'title'}]}"), "invalidSyntax", "must have a 'value'");
    }

    @Test
    void rejectsRemoveWithoutPath() {
        assertScimError(() -> apply("{'Operations':[{'op':'remove'}]}"), "noTarget", "needs a 'path'");
    }

    @Test
    void rejectsANoPathValueThatIsNotAnObject() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','value':'x'}]}"), "invalidValue", "JSON object");
    }

    @Test
    void rejectsMalformedPaths() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'emails[type eq','value':'x'}]}"), "invalidPath", "Invalid path");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'na me','value':'x'}]}"), "invalidPath", "Invalid path");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':42,'value':'x'}]}"), "invalidPath", "not a string");
    }

    @Test
    void rejectsPathsToUnknownAttributes() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'shoeSize','value':'x'}]}"), "invalidPath", "shoeSize");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'name.nick','value':'x'}]}"), "invalidPath", "name.nick");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'urn:example:x:1.0:User:a','value':'x'}]}"),
                "invalidPath", "names no attribute");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'emails[kind eq \"x\"].value','value':'x'}]}"),
                "invalidPath", "'kind' is not a sub-attribute");
    }

    @Test
    void rejectsAFilterOnASingleValuedAttribute() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'name[givenName eq \"x\"]','value':{}}]}"),
                "invalidPath", "single-valued");
    }

    @Test
    void rejectsASubAttributeOfASimpleAttribute() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'title.x','value':'x'}]}"), "invalidPath", "no sub-attributes");
    }

    @Test
    void rejectsReadOnlyTargets() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'id','value':'x'}]}"), "mutability", "readOnly");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'meta.lastModified','value':'2020-01-01T00:00:00Z'}]}"),
                "mutability", "readOnly");
        assertScimError(() -> apply("{'Operations':[{'op':'add','path':'groups','value':[{'value':'g1'}]}]}"), "mutability", "readOnly");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'" + LC + ":personId','value':'p2'}]}"),
                "mutability", "readOnly");
        assertScimError(() -> patchGroup(group, "[{'op':'replace','path':'members[value eq \"u1\"].display','value':'x'}]"),
                "mutability", "readOnly");
    }

    @Test
    void rejectsRemovingARequiredAttribute() {
        assertScimError(() -> apply("{'Operations':[{'op':'remove','path':'userName'}]}"), "mutability", "required");
        assertScimError(() -> patchGroup(group, "[{'op':'remove','path':'displayName'}]"), "mutability", "required");
    }

    @Test
    void rejectsBlankingARequiredAttribute() {
        assertScimError(() -> patchUser(user, "[{'op':'replace','path':'userName','value':''}]"), "invalidValue", "required");
    }

    @Test
    void rejectsChangingAnImmutableMemberValue() {
        assertScimError(() -> patchGroup(group, "[{'op':'replace','path':'members[value eq \"u1\"].value','value':'u2'}]"),
                "mutability", "immutable");
        assertScimError(() -> patchGroup(group, "[{'op':'replace','path':'members[value eq \"u1\"].type','value':'Group'}]"),
                "mutability", "immutable");
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'active','value':'maybe'}]}"), "invalidValue", "boolean");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'title','value':{'a':1}}]}"), "invalidValue", "title");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'" + LC + ":hireDate','value':'soon'}]}"),
                "invalidValue", "dateTime");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'name','value':'Ann'}]}"), "invalidValue", "complex");
        assertScimError(() -> apply("{'Operations':[{'op':'replace','path':'emails[type eq \"work\"]','value':[1]}]}"),
                "invalidValue", "emails");
    }

    @Test
    void rejectsAFilterOperatorThatDoesNotFitTheType() {
        assertScimError(() -> apply("{'Operations':[{'op':'remove','path':'emails[primary gt true]'}]}"), "invalidFilter", "boolean");
        assertScimError(() -> apply("{'Operations':[{'op':'remove','path':'emails[primary eq \"perhaps\"]'}]}"), "invalidFilter", "boolean");
    }

    @Test
    void rejectsAnUnknownSchemaAsANoPathKey() {
        assertScimError(() -> apply("{'Operations':[{'op':'add','value':{'urn:example:x:1.0:User:a':'x'}}]}"), "invalidValue",
                "urn:example:x:1.0:User:a");
    }

    @Test
    void namesTheFailingOperation() {
        assertScimError(() -> apply("{'Operations':[{'op':'add','path':'title','value':'x'},{'op':'replace','path':'shoeSize','value':1}]}"),
                "invalidPath", "Operations[1]");
    }
}
