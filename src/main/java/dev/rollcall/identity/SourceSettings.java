package dev.rollcall.identity;

import java.util.Optional;

/** What identity resolution reads and sets about a source. */
public interface SourceSettings {

    Optional<Source> byId(long sourceId);

    void setCorrelationAttribute(long sourceId, String attribute);
}
