-- Rollcall lifecycle, second slice (life-holds): admin actions on timers, revocations, and holds
-- (the blast-radius breaker) with their sliding-window counters.

-- A timer an admin moves keeps its row as history ('moved', finished_at) and is replaced by a new
-- pending row naming it (moved_from_pk); finished_by names who cancelled or moved it, when it was a person.
ALTER TABLE timer MODIFY status ENUM('pending', 'fired', 'cancelled', 'moved') NOT NULL;
ALTER TABLE timer ADD COLUMN moved_from_pk BIGINT NULL;
ALTER TABLE timer ADD COLUMN finished_by VARCHAR(200) NULL;
-- GET /api/v1/timers pages over every status by (due_at, pk)
CREATE INDEX ix_timer_due_all ON timer (due_at, pk);

-- A suspension IT made (revoke): while this row exists, a push of the authoritative source that
-- still says "employed" does not reactivate the person. The source terminating it itself takes over.
CREATE TABLE lifecycle_revocation (
  person_pk BIGINT NOT NULL,
  actor VARCHAR(200) NOT NULL,
  reason VARCHAR(200) NOT NULL,
  revoked_at DATETIME(6) NOT NULL,
  PRIMARY KEY (person_pk),
  CONSTRAINT fk_revocation_person FOREIGN KEY (person_pk) REFERENCES person (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per source, locked (FOR UPDATE) by every push the breaker looks at, so that counting the
-- window and opening a hold is serialised per source. Lock order: account, gate, hold, person.
CREATE TABLE hold_gate (
  source_id BIGINT NOT NULL,
  PRIMARY KEY (source_id),
  CONSTRAINT fk_hold_gate_source FOREIGN KEY (source_id) REFERENCES source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The sliding window: one row per termination or manager change a source pushed (held or not).
CREATE TABLE burst_change (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  source_id BIGINT NOT NULL,
  kind ENUM('termination', 'manager_change') NOT NULL,
  at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_burst_window ON burst_change (source_id, kind, at);

-- A hold: a source's burst whose person-level steps wait for IT. At most one open (or applying) per source.
CREATE TABLE hold (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  source_id BIGINT NOT NULL,
  status ENUM('open', 'applying', 'approved', 'rejected') NOT NULL,
  trigger_kind ENUM('termination', 'manager_change') NOT NULL,
  trigger_detail VARCHAR(400) NOT NULL,
  opened_at DATETIME(6) NOT NULL,
  decided_at DATETIME(6) NULL,
  decided_by VARCHAR(200) NULL,
  finished_at DATETIME(6) NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_hold_id (id),
  CONSTRAINT fk_hold_source FOREIGN KEY (source_id) REFERENCES source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_hold_source ON hold (source_id, status);

-- One held push, in arrival order (pk): what the person-level step needs to run later as if the push
-- had just arrived (the account's new facts, or its deletion) and what it would change (changes JSON).
CREATE TABLE hold_item (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  hold_pk BIGINT NOT NULL,
  action ENUM('replace', 'delete') NOT NULL,
  account_pk BIGINT NOT NULL,
  account_id CHAR(36) NOT NULL,
  person_pk BIGINT NOT NULL,
  kinds VARCHAR(64) NOT NULL,
  actor VARCHAR(200) NOT NULL,
  correlation_id VARCHAR(200) NOT NULL,
  facts JSON NULL,
  changes JSON NOT NULL,
  received_at DATETIME(6) NOT NULL,
  status ENUM('pending', 'applied', 'discarded') NOT NULL,
  finished_at DATETIME(6) NULL,
  PRIMARY KEY (pk),
  CONSTRAINT fk_hold_item_hold FOREIGN KEY (hold_pk) REFERENCES hold (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_hold_item_hold ON hold_item (hold_pk, status, pk);
CREATE INDEX ix_hold_item_account ON hold_item (account_pk, status);
