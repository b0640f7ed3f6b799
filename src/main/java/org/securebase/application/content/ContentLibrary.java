package org.securebase.application.content;

import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;

/**
 * A source of content definitions (a port: infrastructure implements it). The snapshot is immutable and swapped
 * whole on import, so reading it never waits for anyone.
 */
public interface ContentLibrary {

    /** What the last import loaded. */
    ContentSnapshot snapshot();

    /** The module exactly as this stored version was written. */
    ModuleDefinition parseModule(ContentVersion version);

    /** The instrument exactly as this stored version was written. */
    InstrumentDefinition parseInstrument(ContentVersion version);
}
