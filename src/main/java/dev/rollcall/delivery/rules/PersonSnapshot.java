package dev.rollcall.delivery.rules;

import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Persona;
import java.util.List;
import java.util.Map;

/**
 * A person as it was when the change that announced an event committed: the event's sequence number,
 * the lifecycle state (null for a provisional person, which is never announced), every persona and the
 * golden attributes (name to value). Deliveries render it, so every retry shows the same state.
 */
public record PersonSnapshot(String id, long sequence, LifecycleState state, List<Persona> personas,
                             Map<String, String> golden) {
    public PersonSnapshot {
        personas = List.copyOf(personas);
        golden = Map.copyOf(golden);
    }
}
