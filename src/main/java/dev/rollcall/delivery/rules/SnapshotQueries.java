package dev.rollcall.delivery.rules;

import java.util.Optional;

/** The person as it is now, in the shape a delivery snapshots it (for the preview); empty when unknown. */
public interface SnapshotQueries {
    Optional<PersonSnapshot> person(String personId);
}
