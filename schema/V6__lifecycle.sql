-- Rollcall lifecycle: how long a person has been in its state and until when its grace runs, and
-- durable timers (scheduled transitions such as the deprovision after a termination's grace).

ALTER TABLE person ADD COLUMN state_since DATETIME(6) NULL;
ALTER TABLE person ADD COLUMN grace_until DATETIME(6) NULL;
UPDATE person SET state_since = created_at WHERE state IS NOT NULL;

-- One scheduled transition of a person. A scheduler claims due pending rows (status, due_at, pk) with
-- FOR UPDATE SKIP LOCKED and leases them (lease_owner, lease_until) so that another instance skips
-- them; firing marks the row fired, so each timer fires once. Rows are kept as history.
CREATE TABLE timer (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  person_pk BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  reason VARCHAR(200) NOT NULL,
  due_at DATETIME(6) NOT NULL,
  status ENUM('pending', 'fired', 'cancelled') NOT NULL,
  lease_owner VARCHAR(64) NULL,
  lease_until DATETIME(6) NULL,
  created_at DATETIME(6) NOT NULL,
  finished_at DATETIME(6) NULL,
  PRIMARY KEY (pk),
  CONSTRAINT fk_timer_person FOREIGN KEY (person_pk) REFERENCES person (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_timer_due ON timer (status, due_at, pk);
CREATE INDEX ix_timer_person ON timer (person_pk, status);
