package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.EventCatalogue;
import dev.rollcall.admin.EventTypesResource;
import dev.rollcall.admin.IntegrationsHealthResource;
import dev.rollcall.admin.SubscriptionTestResource;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.store.StoreHealthQueries;
import java.time.Clock;
import java.util.List;

/** The delivery operations' resources: test, event catalogue, integrations health, /metrics (kept out of Services). */
final class WebhookResources {
    private WebhookResources() {
    }

    static List<Object> of(WebhookServices w, ObjectMapper json, Observability observability, SourceDirectory sources,
                           Clock clock) {
        return List.of(new SubscriptionTestResource(w.tests(), json), new EventTypesResource(new EventCatalogue(json), json),
                new IntegrationsHealthResource(new StoreHealthQueries(w.database()), sources, observability.sources(), json,
                        clock),
                observability.resource());
    }
}
