package dev.rollcall.scim.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.directory.Member;
import dev.rollcall.directory.MemberChanges;
import dev.rollcall.directory.RequestedMember;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GroupPatcher without a database: member operations, delegation to the engine, errors, and scale. */
class GroupsPatcherTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final SchemaRegistry schemas = new SchemaRegistry();
    final AttributeValueNormalizer values = new AttributeValueNormalizer();
    final GroupPatcher patcher = new GroupPatcher(new PatchEngine(schemas, values, new ImmutabilityGuard()),
            new MemberInput(values, schemas), schemas);
    final ObjectNode body = (ObjectNode) parse(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Team\"}");

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode request(String operations) {
        return parse("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}");
    }

    static Member user(String id) {
        return new Member(Member.Kind.USER, id.hashCode(), id, "name of " + id);
    }

    static Member group(String id) {
        return new Member(Member.Kind.GROUP, id.hashCode(), id, "group " + id);
    }

    static List<String> ids(GroupPatcher.Patched p) {
        return p.members().stream().map(RequestedMember::value).toList();
    }

    @Test
    void memberOperationsApplyInOrder() {
        GroupPatcher.Patched p = patcher.apply(body, List.of(user("a"), user("b")), request("""
                [{"op":"Add","path":"members","value":[{"value":"c"},{"value":"a"}]},
                 {"op":"Remove","path":"members","value":[{"value":"b"},{"value":"not-there"}]},
                 {"op":"remove","path":"members[value eq \\"c\\"]"},
                 {"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:members","value":{"value":"d","type":"Group"}}]"""));
        assertThat(ids(p)).containsExactly("a", "d");
        assertThat(p.members().get(0).type()).isEqualTo("User");
        assertThat(p.members().get(1).type()).isEqualTo("Group");
        assertThat(p.body().get("displayName").asText()).isEqualTo("Team");
    }

    @Test
    void replaceMembersAndRemoveWithoutValueEmpty() {
        assertThat(ids(patcher.apply(body, List.of(user("a"), user("b")),
                request("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"b\"},{\"value\":\"c\"}]}]"))))
                .containsExactly("b", "c");
        assertThat(ids(patcher.apply(body, List.of(user("a")), request("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]"))))
                .isEmpty();
        assertThat(ids(patcher.apply(body, List.of(user("a")), request("[{\"op\":\"remove\",\"path\":\"members\"}]"))))
                .isEmpty();
    }

    @Test
    void otherOperationsGoThroughTheEngineAndKeepMembers() {
        GroupPatcher.Patched renamed = patcher.apply(body, List.of(user("a")),
                request("[{\"op\":\"replace\",\"value\":{\"displayName\":\"Renamed\",\"id\":\"ignored\"}}]"));
        assertThat(renamed.body().get("displayName").asText()).isEqualTo("Renamed");
        assertThat(ids(renamed)).containsExactly("a");
        GroupPatcher.Patched byType = patcher.apply(body, List.of(user("a"), group("g"), user("b")),
                request("[{\"op\":\"remove\",\"path\":\"members[type eq \\\"Group\\\"]\"}]"));
        assertThat(ids(byType)).containsExactly("a", "b");
        GroupPatcher.Patched byDisplay = patcher.apply(body, List.of(user("a"), user("b")),
                request("[{\"op\":\"remove\",\"path\":\"members[display eq \\\"name of b\\\"]\"}]"));
        assertThat(ids(byDisplay)).containsExactly("a");
    }

    @Test
    void aContradictingTypeIsRefused() {
        assertThatThrownBy(() -> patcher.apply(body, List.of(user("a")),
                request("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"a\",\"type\":\"Group\"}]}]")))
                .isInstanceOf(ScimException.class).hasMessageContaining("Operations[0]").hasMessageContaining("type");
    }

    @Test
    void errorsNameTheFailingOperation() {
        assertThatThrownBy(() -> patcher.apply(body, List.of(), request("""
                [{"op":"replace","path":"displayName","value":"ok"},{"op":"replace","path":"nonsense","value":"x"}]""")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidPath");
                    assertThat(e.getMessage()).startsWith("Operations[1]");
                });
        assertThatThrownBy(() -> patcher.apply(body, List.of(), request("""
                [{"op":"add","path":"members","value":[{"value":"a","type":"Robot"}]}]""")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
        assertThatThrownBy(() -> patcher.apply(body, List.of(), request("[{\"op\":\"add\",\"path\":\"members\"}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
        assertThatThrownBy(() -> patcher.apply(body, List.of(), request("[{\"op\":\"move\",\"path\":\"members\",\"value\":[]}]")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void malformedRequestsAreInvalidSyntax() {
        for (String bad : new String[] {"[]", "{\"Operations\":{}}", "{\"schemas\":[\"urn:x\"],\"Operations\":[]}"}) {
            assertThatThrownBy(() -> patcher.apply(body, List.of(), parse(bad)))
                    .as(bad).isInstanceOf(ScimException.class);
        }
        assertThatThrownBy(() -> patcher.apply(body, List.of(), parse("{\"Operations\":{}}")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
    }

    @Test
    void theStoredBodyIsNotModified() {
        ObjectNode copy = body.deepCopy();
        patcher.apply(body, List.of(), request("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]"));
        assertThat(body).isEqualTo(copy);
    }

    /*
     * Scale is checked as growth, not as a time limit: the same work at a tenth of the size is timed on the
     * same machine in the same run, so a slow or loaded machine slows both alike. Ten times the size must
     * cost well under a hundred times as much (a quadratic patcher measured ~70x; a linear one ~10x).
     */
    static final double MOST_GROWTH_FOR_TEN_TIMES_THE_SIZE = 35;

    @Test
    void addingAndRemovingOneMemberGrowsLinearlyWithTheMembers() {
        JsonNode req = request("""
                [{"op":"add","path":"members","value":[{"value":"new"}]},
                 {"op":"remove","path":"members","value":[{"value":"id-5"}]},
                 {"op":"replace","path":"displayName","value":"Everyone"}]""");
        List<Member> thousand = users(1_000);
        List<Member> tenThousand = users(10_000);
        assertThat(patcher.apply(body, tenThousand, req).members()).hasSize(10_000);
        assertGrowsLinearly(() -> patcher.apply(body, thousand, req), () -> patcher.apply(body, tenThousand, req));
    }

    /** The case: 12,000 operations in one request (the default limit is lower; this patcher allows them). */
    @Test
    void twelveThousandOperationsTakeTimeInProportionToTheirNumber() {
        GroupPatcher roomy = new GroupPatcher(new PatchEngine(schemas, values, new ImmutabilityGuard(), 12_000),
                new MemberInput(values, schemas), schemas);
        List<Member> hundred = users(100);
        JsonNode renaming = request(operations(12_000, i -> "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"T" + i + "\"}"));
        JsonNode filtering = request(operations(12_000,
                i -> "{\"op\":\"remove\",\"path\":\"members[display eq \\\"nobody " + i + "\\\"]\"}"));
        assertThat(roomy.apply(body, hundred, renaming).body().get("displayName").asText()).isEqualTo("T11999");
        assertThat(roomy.apply(body, hundred, filtering).members()).hasSize(100);
        // a copy of the whole request per operation made these quadratic (7 s each at 12,000)
        JsonNode fewRenames = request(operations(1_200, i -> "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"T" + i + "\"}"));
        JsonNode fewFilters = request(operations(1_200,
                i -> "{\"op\":\"remove\",\"path\":\"members[display eq \\\"nobody " + i + "\\\"]\"}"));
        assertGrowsLinearly(() -> roomy.apply(body, hundred, fewRenames), () -> roomy.apply(body, hundred, renaming));
        assertGrowsLinearly(() -> roomy.apply(body, hundred, fewFilters), () -> roomy.apply(body, hundred, filtering));
    }

    static List<Member> users(int count) {
        List<Member> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            many.add(user("id-" + i));
        }
        return many;
    }

    static String operations(int count, java.util.function.IntFunction<String> operation) {
        StringBuilder ops = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            ops.append(i == 0 ? "" : ",").append(operation.apply(i));
        }
        return ops.append("]").toString();
    }

    /** Best of three runs of each (after a warm-up), so one pause of the machine does not decide. */
    static void assertGrowsLinearly(Runnable small, Runnable tenTimesLarger) {
        small.run();
        long smallNanos = bestOfThree(small);
        long largeNanos = bestOfThree(tenTimesLarger);
        double growth = (double) largeNanos / Math.max(1, smallNanos);
        assertThat(growth).as("ten times the size took %.1f times as long (%d µs → %d µs)", growth,
                smallNanos / 1000, largeNanos / 1000).isLessThan(MOST_GROWTH_FOR_TEN_TIMES_THE_SIZE);
    }

    static long bestOfThree(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    @Test
    void anErrorInARunOfEngineOperationsNamesItsPlaceInTheRequest() {
        JsonNode req = request("""
                [{"op":"add","path":"members","value":[{"value":"a"}]},
                 {"op":"replace","path":"displayName","value":"x"},
                 {"op":"replace","path":"nosuch","value":"y"}]""");
        assertThatThrownBy(() -> patcher.apply(body, List.of(), req))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getMessage()).startsWith("Operations[2]"));
    }
}
