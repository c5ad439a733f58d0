package dev.rollcall.identity;

import java.util.Optional;

/** What identity resolution reads about a source (its settings change through {@link SourceSettingsChanges}). */
public interface SourceSettings {

    Optional<Source> byId(long sourceId);
}
