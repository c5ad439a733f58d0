package dev.rollcall.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What IT reads about sources, outside any change. Sources are few, so each read takes them all. */
public interface SourceDirectory {

    /** Every source with its tokens, in registration order. */
    List<RegisteredSource> registered();

    Optional<RegisteredSource> registered(String name);

    Optional<Source> byName(String name);

    /** Every source by id, so that views can name the source of a value or a case. */
    Map<Long, Source> byId();
}
