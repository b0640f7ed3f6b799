package org.securebase.web.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition.Stage;

class TextCacheKeysTest {

    private final TextCacheKeys keys = new TextCacheKeys();

    @Test
    void equalDefinitionsShareAKeyInTheSameLanguage() {
        Stage one = new Stage("arrival", "Arrival", "Monday", "<p>She arrives.</p>", null);
        Stage same = new Stage("arrival", "Arrival", "Monday", "<p>She arrives.</p>", null);
        assertEquals(keys.of(one, Locale.ENGLISH), keys.of(same, Locale.ENGLISH));
    }

    @Test
    void anotherVersionOrLanguageIsAnotherKey() {
        Stage one = new Stage("arrival", "Arrival", "Monday", "<p>She arrives.</p>", null);
        Stage edited = new Stage("arrival", "Arrival", "Monday", "<p>She arrives late.</p>", null);
        Stage translated = new Stage("arrival", "Chegada", "Segunda", "<p>Ela chega.</p>", null);
        String key = keys.of(one, Locale.ENGLISH);
        assertNotEquals(key, keys.of(edited, Locale.ENGLISH));
        assertNotEquals(key, keys.of(translated, Locale.ENGLISH));
        assertNotEquals(key, keys.of(one, Locale.forLanguageTag("pt-BR")));
    }

    @Test
    void noDefinitionIsAKeyOfItsOwn() {
        Stage one = new Stage("arrival", "Arrival", "Monday", "<p>She arrives.</p>", null);
        assertNotEquals(keys.of(one, Locale.ENGLISH), keys.of(null, Locale.ENGLISH));
    }
}
