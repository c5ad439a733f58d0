-- Rollcall core schema: sources and credentials, accounts (one source's SCIM User) and their
-- filter index, groups, persons, events and the audit trail.
-- Every table is utf8mb4 with binary collation: comparisons are exact, and wherever SCIM asks
-- for case-insensitive matching we store an explicitly case-folded copy.

CREATE TABLE source (
  id BIGINT NOT NULL AUTO_INCREMENT,
  name VARCHAR(100) NOT NULL,
  kind ENUM('hris', 'idp', 'crm') NOT NULL,
  may_create_persons BOOLEAN NOT NULL,
  correlation_attribute VARCHAR(200) NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY uq_source_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Bearer tokens, stored only as the hex SHA-256 of the token.
CREATE TABLE credential (
  id BIGINT NOT NULL AUTO_INCREMENT,
  token_hash CHAR(64) NOT NULL,
  kind ENUM('source', 'admin') NOT NULL,
  source_id BIGINT NULL,
  name VARCHAR(100) NOT NULL,
  scope VARCHAR(100) NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  revoked_at DATETIME(6) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_credential_hash (token_hash),
  CONSTRAINT fk_credential_source FOREIGN KEY (source_id) REFERENCES source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE person (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  state ENUM('pending', 'active', 'suspended', 'deprovisioned') NOT NULL,
  state_reason VARCHAR(200) NULL,
  golden JSON NOT NULL,
  event_seq BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_person_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One source's SCIM User. user_name_ci is the case-folded userName (SCIM userName is caseExact=false).
CREATE TABLE account (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  source_id BIGINT NOT NULL,
  external_id VARCHAR(255) NULL,
  user_name VARCHAR(255) NOT NULL,
  user_name_ci VARCHAR(255) NOT NULL,
  worker_id VARCHAR(255) NULL,
  active BOOLEAN NOT NULL,
  resource JSON NOT NULL,
  version BIGINT NOT NULL,
  person_pk BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_account_id (id),
  UNIQUE KEY uq_account_user_name (source_id, user_name_ci),
  UNIQUE KEY uq_account_external_id (source_id, external_id),
  CONSTRAINT fk_account_source FOREIGN KEY (source_id) REFERENCES source (id),
  CONSTRAINT fk_account_person FOREIGN KEY (person_pk) REFERENCES person (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_account_worker ON account (worker_id, source_id);
CREATE INDEX ix_account_person ON account (person_pk);
CREATE INDEX ix_account_created ON account (source_id, created_at);
CREATE INDEX ix_account_updated ON account (source_id, updated_at);

-- Every filterable value of an account, multi-valued ones included (idx = position in the
-- multi-valued attribute, so that a value path filter can require both conditions on one element).
-- attr is the lower-cased attribute path; val the normalised string (case-folded unless caseExact),
-- num the numeric value of integer and decimal attributes.
CREATE TABLE account_value (
  account_pk BIGINT NOT NULL,
  attr VARCHAR(128) NOT NULL,
  idx INT NOT NULL,
  source_id BIGINT NOT NULL,
  val VARCHAR(512) NULL,
  num DECIMAL(38, 9) NULL,
  PRIMARY KEY (account_pk, attr, idx),
  CONSTRAINT fk_account_value_account FOREIGN KEY (account_pk) REFERENCES account (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_account_value_val ON account_value (source_id, attr, val);
CREATE INDEX ix_account_value_num ON account_value (source_id, attr, num);

CREATE TABLE scim_group (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  source_id BIGINT NOT NULL,
  external_id VARCHAR(255) NULL,
  display_name VARCHAR(255) NOT NULL,
  display_name_ci VARCHAR(255) NOT NULL,
  resource JSON NOT NULL,
  version BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_group_id (id),
  UNIQUE KEY uq_group_external_id (source_id, external_id),
  CONSTRAINT fk_group_source FOREIGN KEY (source_id) REFERENCES source (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_group_display_name ON scim_group (source_id, display_name_ci);
CREATE INDEX ix_group_created ON scim_group (source_id, created_at);
CREATE INDEX ix_group_updated ON scim_group (source_id, updated_at);

CREATE TABLE group_value (
  group_pk BIGINT NOT NULL,
  attr VARCHAR(128) NOT NULL,
  idx INT NOT NULL,
  source_id BIGINT NOT NULL,
  val VARCHAR(512) NULL,
  num DECIMAL(38, 9) NULL,
  PRIMARY KEY (group_pk, attr, idx),
  CONSTRAINT fk_group_value_group FOREIGN KEY (group_pk) REFERENCES scim_group (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_group_value_val ON group_value (source_id, attr, val);
CREATE INDEX ix_group_value_num ON group_value (source_id, attr, num);

-- Members are accounts or groups (exactly one of the two is set).
CREATE TABLE group_member (
  id BIGINT NOT NULL AUTO_INCREMENT,
  group_pk BIGINT NOT NULL,
  member_account_pk BIGINT NULL,
  member_group_pk BIGINT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_group_member_account (group_pk, member_account_pk),
  UNIQUE KEY uq_group_member_group (group_pk, member_group_pk),
  CONSTRAINT fk_group_member_group FOREIGN KEY (group_pk) REFERENCES scim_group (pk) ON DELETE CASCADE,
  CONSTRAINT fk_group_member_account FOREIGN KEY (member_account_pk) REFERENCES account (pk) ON DELETE CASCADE,
  CONSTRAINT fk_group_member_nested FOREIGN KEY (member_group_pk) REFERENCES scim_group (pk) ON DELETE CASCADE,
  CONSTRAINT ck_group_member_one CHECK ((member_account_pk IS NULL) <> (member_group_pk IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_group_member_account ON group_member (member_account_pk);
CREATE INDEX ix_group_member_nested ON group_member (member_group_pk);

-- Immutable facts, written in the transaction of the change that caused them.
-- person_seq orders one person's events; downstream payloads carry it.
CREATE TABLE event (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(26) NOT NULL,
  type VARCHAR(64) NOT NULL,
  person_id CHAR(36) NULL,
  person_seq BIGINT NULL,
  group_id CHAR(36) NULL,
  source_id BIGINT NULL,
  payload JSON NOT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_event_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_event_person ON event (person_id, person_seq);
CREATE INDEX ix_event_created ON event (created_at);

-- Append-only audit trail. Rows are hash-chained after commit by the audit sealer, in seq order
-- (prev_hash/hash stay NULL until sealed) so writers never serialise on the chain head.
CREATE TABLE audit (
  seq BIGINT NOT NULL AUTO_INCREMENT,
  at DATETIME(6) NOT NULL,
  actor VARCHAR(200) NOT NULL,
  action VARCHAR(100) NOT NULL,
  target_type VARCHAR(50) NOT NULL,
  target_id VARCHAR(64) NULL,
  correlation_id VARCHAR(64) NULL,
  before_state JSON NULL,
  after_state JSON NULL,
  prev_hash CHAR(64) NULL,
  hash CHAR(64) NULL,
  PRIMARY KEY (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_audit_target ON audit (target_type, target_id);
CREATE INDEX ix_audit_unsealed ON audit (hash, seq);
