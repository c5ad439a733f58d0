package dev.rollcall.lifecycle;

import java.util.List;
import java.util.Optional;

/** Holds as IT reads them, outside any change. */
public interface HoldQueries {

    /** A hold with its source's name and how many of its pushes are pending, applied, discarded. */
    record Summary(Hold hold, String sourceName, int pending, int applied, int discarded) {
    }

    /** One held push with the id of the person it is about (null if that person is gone). */
    record Item(HeldItem item, String personId) {
    }

    /** Holds newest first, after the given key (null: from the newest); status and sourceId null: all. */
    List<Summary> page(HoldStatus status, Long sourceId, Long beforePk, int limit);

    Optional<Summary> byId(String holdId);

    /** A hold's pushes in arrival order, after the given item key. */
    List<Item> items(long holdPk, Long afterPk, int limit);
}
