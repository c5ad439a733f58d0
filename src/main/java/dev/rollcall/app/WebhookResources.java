package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.EventCatalogue;
import dev.rollcall.admin.EventTypesResource;
import dev.rollcall.admin.SubscriptionTestResource;
import java.util.List;

/** The delivery operations' admin resources (kept out of Services, which wires everything else). */
final class WebhookResources {
    private WebhookResources() {
    }

    static List<Object> of(WebhookServices w, ObjectMapper json) {
        return List.of(new SubscriptionTestResource(w.tests(), json), new EventTypesResource(new EventCatalogue(json), json));
    }
}
