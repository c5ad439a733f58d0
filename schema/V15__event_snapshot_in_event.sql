-- The snapshot a delivery shows of its person or group (as the change left it) is kept on the event row
-- itself: one row per event, written in one statement with the change's other events just before it
-- commits, instead of a second table written by a second statement. NULL: no subscription got the event
-- (or it was never announced).
ALTER TABLE event ADD COLUMN snapshot JSON NULL;

/* [jooq ignore start] */
UPDATE event e JOIN event_snapshot s ON s.event_id = e.id SET e.snapshot = s.snapshot;
/* [jooq ignore stop] */

DROP TABLE event_snapshot;
