-- Rollcall lifecycle, second slice: leave, per-source time zones for plain dates, CRM persona transfer graces.

-- Since when the employment authority says the (active) person is on leave; NULL when not on leave.
ALTER TABLE person ADD COLUMN on_leave_since DATETIME(6) NULL;

-- The IANA time zone a plain date (2026-12-01) from this source is read in; NULL: ROLLCALL_SOURCE_TIMEZONE.
ALTER TABLE source ADD COLUMN time_zone VARCHAR(64) NULL;

-- The external (CRM) personas the lifecycle knows, per CRM account of a contact: 'current' is the
-- account the contact belongs to now; 'grace' a former one (the contact moved or was deleted) that
-- keeps access until grace_until; 'ended' a grace that ran out. A contact moving back inside the
-- grace makes its row current again (one row per contact and CRM account). crm_account_id holds at
-- most 255 characters of the id (a longer one is cut there).
CREATE TABLE crm_persona (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  person_pk BIGINT NOT NULL,
  account_id CHAR(36) NOT NULL,
  source_id BIGINT NOT NULL,
  crm_account_id VARCHAR(255) NOT NULL,
  status ENUM('current', 'grace', 'ended') NOT NULL,
  cause VARCHAR(32) NULL,
  grace_until DATETIME(6) NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_crm_persona (account_id, crm_account_id),
  CONSTRAINT fk_crm_persona_person FOREIGN KEY (person_pk) REFERENCES person (pk),
  CONSTRAINT fk_crm_persona_source FOREIGN KEY (source_id) REFERENCES source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_crm_persona_person ON crm_persona (person_pk, status);
