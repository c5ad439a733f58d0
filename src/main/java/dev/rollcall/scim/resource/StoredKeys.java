package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.schema.StorableText;
import dev.rollcall.scim.ScimException;

/**
 * Refuses, as invalidValue naming the attribute, a key the store keeps in a column of
 * {@link StorableText#KEY_LENGTH} characters that does not fit — checked on the canonical resource,
 * before anything reaches SQL. A case-insensitive key is also stored case-folded, and folding can
 * lengthen it: 128 × 'İ' is 256 characters folded.
 */
public final class StoredKeys {
    private StoredKeys() {
    }

    /** Checks {@code resource[container][name]} (container null: a core attribute). */
    public static void check(ObjectNode resource, String container, String name, boolean alsoFolded) {
        JsonNode holder = container == null ? resource : resource.path(container);
        JsonNode value = holder.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return;
        }
        String text = value.asText();
        String attribute = container == null ? name : container + ":" + name;
        if (StorableText.length(text) > StorableText.KEY_LENGTH) {
            throw ScimException.invalidValue("Attribute '" + attribute + "' is longer than " + StorableText.KEY_LENGTH
                    + " characters.");
        }
        if (alsoFolded && StorableText.length(StorableText.folded(text)) > StorableText.KEY_LENGTH) {
            throw ScimException.invalidValue("Attribute '" + attribute + "' is longer than " + StorableText.KEY_LENGTH
                    + " characters once case-folded (as it is compared for uniqueness).");
        }
    }
}
