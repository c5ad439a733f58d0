-- Rollcall delivery retention: finished deliveries (delivered, dead) older than ROLLCALL_DELIVERY_RETENTION
-- are deleted with their attempts, and an event's snapshot goes with the last delivery that needs it.
-- This index answers "does any delivery of this event remain?" for that step. Event rows stay (timelines).
CREATE INDEX ix_delivery_event ON delivery (event_id);
