package dev.rollcall.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributeDefTest {

    @Test
    void aReferenceMustSayWhatItRefersTo() {
        assertThatThrownBy(() -> AttributeDef.builder("photo", AttributeType.REFERENCE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referenceTypes");
        assertThat(AttributeDef.builder("photo", AttributeType.REFERENCE).referenceTypes("external").build()
                .referenceTypes()).containsExactly("external");
    }

    @Test
    void onlyAReferenceHasReferenceTypes() {
        assertThatThrownBy(() -> AttributeDef.builder("title", AttributeType.STRING).referenceTypes("external").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
