package org.securebase.web.util;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keys for OmniFaces {@code <o:cache>} around read-only content text (a case stage's narrative, a module's header):
 * one number per distinct definition by value, with the reader's language. Content definitions are immutable
 * records, so two equal definitions render the same text and a changed one (a new module version, another
 * translation) is a new key: a cached fragment can never show another version's text, and the text holds no
 * person's data (what a student chose or wrote stays outside the cached parts). The map grows only with distinct
 * definitions (stages of module versions and their translations), not with readers.
 */
@Named("textCacheKeys")
@ApplicationScoped
public class TextCacheKeys {

    private final Map<Object, Long> numbers = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /**
     * The cache key for this definition (a record with value equality) read in this language. Faces also asks for
     * the key outside a repeat's rows (visiting the tree to save state), where there is no definition: that key
     * holds nothing, so the fragment is visited and rendered as usual.
     */
    public String of(Object definition, Locale locale) {
        if (definition == null) {
            return "content-none";
        }
        long number = numbers.computeIfAbsent(definition, d -> next.incrementAndGet());
        return "content-" + number + "-" + (locale == null ? "" : locale.toLanguageTag());
    }
}
