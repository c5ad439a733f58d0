-- A provisional (unresolved) person has no lifecycle state until a match decision makes it real:
-- its state is NULL. 'pending' means a future start only (hire date ahead).
ALTER TABLE person MODIFY COLUMN state ENUM('pending', 'active', 'suspended', 'deprovisioned') NULL;
UPDATE person SET state = NULL WHERE provisional = TRUE;

-- Whether an event may be delivered downstream is a column of the event log, not a payload flag:
-- the events of a provisional person are kept for its timeline but never announced.
ALTER TABLE event ADD COLUMN announced BOOLEAN NOT NULL DEFAULT TRUE;
-- (data only; hidden from jOOQ's DDL parser, which knows no JSON functions)
/* [jooq ignore start] */
UPDATE event SET announced = FALSE
  WHERE type = 'account.created' AND JSON_VALUE(payload, '$.provisional') = 'true';
UPDATE event SET payload = JSON_REMOVE(payload, '$.provisional')
  WHERE type = 'account.created' AND JSON_EXISTS(payload, '$.provisional');
/* [jooq ignore stop] */
