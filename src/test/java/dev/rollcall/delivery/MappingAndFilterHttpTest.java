package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attribute mappings, person filters and the preview over HTTP on real MariaDB: fan-out to several
 * subscriptions, each receiving only the persons its filter lets through (decided when the change
 * commits: the others get no delivery row at all) under its own attribute names; the preview shows
 * exactly the person member that is sent; bad mappings and filters are refused and store nothing.
 */
class MappingAndFilterHttpTest {
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .network(clock -> net.network())
            .build();
    @Token("workday") static String hr;
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    static final String MAPPING = "[{\"to\":\"first_name\",\"from\":\"name.givenName\"},"
            + "{\"to\":\"login\",\"from\":\"userName\",\"lowercase\":true},"
            + "{\"to\":\"role\",\"from\":\"title\",\"lookup\":{\"Account Executive\":\"seller\"},\"otherwise\":\"staff\"},"
            + "{\"to\":\"tenant\",\"constant\":\"acme\"}]";

    private DeliveryFixture fixture;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private String subscribe(WebhookReceiver r, String extra) {
        HttpResult created = server.post("/api/v1/subscriptions", writer, "{\"name\":\"crm\",\"url\":\"" + r.url()
                + "\",\"eventTypes\":[\"person.created\"]" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        r.secret(created.jsonBody().get("secret").asText());
        return created.jsonBody().get("id").asText();
    }

    private String hire(String userName, String department, String title) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"" + userName + "\",\"familyName\":\"T\"},\"title\":\"" + title + "\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"" + department + "\"}}";
        HttpResult r = server.post("/scim/v2/Users", hr, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    @Test
    void eachSubscriptionReceivesOnlyItsPersonsUnderItsOwnAttributeNames() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver sales = fixture.receiver();
        WebhookReceiver externals = fixture.receiver();
        WebhookReceiver all = fixture.receiver();
        String salesSub = subscribe(sales, ",\"personFilter\":{\"departments\":[\"sales\"],\"personas\":[\"employee\"],"
                + "\"states\":[\"active\"]},\"attributeMapping\":" + MAPPING);
        String externalSub = subscribe(externals, ",\"personFilter\":{\"sourceKinds\":[\"crm\"]}");
        subscribe(all, "");

        hire("Mia.Seller", "Sales", "Account Executive");
        hire("Ole.Builder", "Engineering", "Engineer");
        fixture.eventually(Duration.ofMillis(10), () -> all.received().size() == 2 && sales.received().size() == 1);

        WebhookReceiver.Received got = sales.received().get(0);
        assertThat(got.verified()).as(got.verifyError()).isTrue();
        JsonNode attributes = got.body().get("person").get("attributes");
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        assertThat(names).as("the mapping's fields, in its order").containsExactly("first_name", "login", "role", "tenant");
        assertThat(attributes.get("first_name").asText()).isEqualTo("Mia.Seller");
        assertThat(attributes.get("login").asText()).isEqualTo("mia.seller");
        assertThat(attributes.get("role").asText()).isEqualTo("seller");
        assertThat(attributes.get("tenant").asText()).isEqualTo("acme");
        String miaId = got.body().get("personId").asText();
        JsonNode toAll = all.received().stream().map(WebhookReceiver.Received::body)
                .filter(b -> b.get("personId").asText().equals(miaId)).findFirst().orElseThrow(); // no order across persons
        assertThat(toAll.get("person").get("attributes").get("department").asText()).isEqualTo("Sales");
        assertThat(fixture.deliveries(reader, salesSub, null)).as("the filter decides at commit: no row for Ole").hasSize(1);
        assertThat(fixture.deliveries(reader, externalSub, null)).isEmpty();
        assertThat(externals.received()).isEmpty();

        String personId = got.body().get("personId").asText();
        HttpResult preview = server.post("/api/v1/subscriptions/" + salesSub + "/preview?person=" + personId, writer, "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.jsonBody().get("filterMatches").asBoolean()).isTrue();
        assertThat(preview.jsonBody().get("announced").asBoolean()).isTrue();
        ObjectNode previewed = (ObjectNode) preview.jsonBody().get("person");
        ObjectNode sent = (ObjectNode) got.body().get("person").deepCopy();
        assertThat(previewed.remove("sequence").asLong()).as("the person's latest sequence (account.created came after)")
                .isGreaterThanOrEqualTo(sent.remove("sequence").asLong());
        assertThat(previewed).as("the preview is the person member that was sent").isEqualTo(sent);
        HttpResult other = server.post("/api/v1/subscriptions/" + externalSub + "/preview?person=" + personId, writer, "");
        assertThat(other.jsonBody().get("filterMatches").asBoolean()).isFalse();
        assertThat(other.jsonBody().get("person").get("attributes").get("name.givenName").asText()).isEqualTo("Mia.Seller");

        JsonNode shown = server.get("/api/v1/subscriptions/" + salesSub, reader).jsonBody();
        assertThat(shown.get("attributeMapping")).isEqualTo(server.parse(MAPPING));
        assertThat(shown.get("personFilter").get("departments").get(0).asText()).isEqualTo("sales");
    }

    @Test
    void aChangedMappingAppliesToWhatIsSentFromThenOnAndAnEmptyOneRemovesIt() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = subscribe(lms, ",\"attributeMapping\":[{\"to\":\"who\",\"from\":\"userName\"}]");
        HttpResult changed = server.patch("/api/v1/subscriptions/" + sub, writer, "{\"attributeMapping\":[]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.jsonBody().get("attributeMapping")).isEmpty();
        hire("Una.Mapped", "Ops", "Clerk");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);
        assertThat(lms.received().get(0).body().get("person").get("attributes").get("userName").asText()).isEqualTo("Una.Mapped");
    }

    @Test
    void badMappingsFiltersAndPreviewsAreRefusedAndStoreNothing() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = subscribe(lms, "");
        String[] bad = {
                ",\"attributeMapping\":{\"to\":\"x\"}",
                ",\"attributeMapping\":[{\"to\":\"x\",\"from\":\"a\",\"constant\":\"c\"}]",
                ",\"attributeMapping\":[{\"to\":\"x\",\"from\":\"a\"},{\"to\":\"x\",\"from\":\"b\"}]",
                ",\"attributeMapping\":[{\"to\":\"x\",\"from\":\"a\",\"lookup\":{\"k\":1}}]",
                ",\"attributeMapping\":[{\"to\":\"x\",\"from\":\"a\",\"upper\":true}]",
                ",\"personFilter\":{\"personas\":[\"contractor\"]}",
                ",\"personFilter\":{\"states\":\"active\"}",
                ",\"personFilter\":{\"colour\":[\"red\"]}",
                ",\"personFilter\":{\"sourceKinds\":[\"ldap\"]}",
        };
        int before = server.get("/api/v1/subscriptions", reader).jsonBody().get("items").size();
        for (String b : bad) {
            HttpResult r = server.post("/api/v1/subscriptions", writer, "{\"name\":\"x\",\"url\":\"" + lms.url()
                    + "\",\"eventTypes\":[\"person.*\"]" + b + "}");
            assertThat(r.status()).as(b + " -> " + r.body()).isEqualTo(400);
            assertThat(r.jsonBody().get("detail").asText()).as(b).containsAnyOf("attributeMapping", "personFilter");
            HttpResult p = server.patch("/api/v1/subscriptions/" + sub, writer, "{" + b.substring(1) + "}");
            assertThat(p.status()).as(b + " -> " + p.body()).isEqualTo(400);
        }
        assertThat(server.get("/api/v1/subscriptions", reader).jsonBody().get("items")).hasSize(before);
        JsonNode unchanged = server.get("/api/v1/subscriptions/" + sub, reader).jsonBody();
        assertThat(unchanged.get("attributeMapping")).isEmpty();
        assertThat(unchanged.get("personFilter")).isEmpty();

        assertThat(server.post("/api/v1/subscriptions/" + sub + "/preview", writer, "").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/subscriptions/" + sub + "/preview?person=nobody", writer, "").status()).isEqualTo(404);
        assertThat(server.post("/api/v1/subscriptions/nope/preview?person=x", writer, "").status()).isEqualTo(404);
        assertThat(server.post("/api/v1/subscriptions/" + sub + "/preview?person=x", reader, "").status()).isEqualTo(403);
    }
}
