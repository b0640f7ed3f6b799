package org.securebase.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.infrastructure.content.InstrumentParser;
import org.securebase.infrastructure.content.ModuleParser;

/**
 * Parsed module and instrument definitions, cached by content hash. A version's source never changes, so an entry never goes
 * stale; old versions stay readable for the responses that answered them.
 */
@ApplicationScoped
public class ModuleCatalog {

    private final Map<String, ModuleDefinition> byHash = new ConcurrentHashMap<>();
    private final Map<String, InstrumentDefinition> instruments = new ConcurrentHashMap<>();

    public ModuleDefinition definition(ContentVersion version) {
        return byHash.computeIfAbsent(version.getSlug() + "@" + version.getContentHash(), key -> ModuleParser
                .parse(version.getSourceFile(), null, version.getSource()).definition()
                .orElseThrow(() -> new IllegalStateException("stored module version no longer parses: " + key)));
    }

    /** The instrument exactly as the given version was written. */
    public InstrumentDefinition instrument(ContentVersion version) {
        return instruments.computeIfAbsent(version.getSlug() + "@" + version.getContentHash(), key -> InstrumentParser
                .parse(version.getSourceFile(), null, version.getSource()).definition()
                .orElseThrow(() -> new IllegalStateException("stored instrument version no longer parses: " + key)));
    }
}
