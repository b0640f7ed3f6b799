package org.securebase.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleVersion;
import org.securebase.infrastructure.content.ModuleParser;

/**
 * Parsed module definitions, cached by content hash. A version's source never changes, so an entry never goes
 * stale; old versions stay readable for the responses that answered them.
 */
@ApplicationScoped
public class ModuleCatalog {

    private final Map<String, ModuleDefinition> byHash = new ConcurrentHashMap<>();

    public ModuleDefinition definition(ModuleVersion version) {
        return byHash.computeIfAbsent(version.getSlug() + "@" + version.getContentHash(), key -> ModuleParser
                .parse(version.getSourceFile(), null, version.getSource()).definition()
                .orElseThrow(() -> new IllegalStateException("stored module version no longer parses: " + key)));
    }
}
