-- Rollcall identity resolution: what each account says (facts), the keys accounts are found by,
-- worker ids remembered per person (rehires), match decisions and review cases, the authority
-- matrix, and merged / provisional persons.

-- A provisional person holds an account that could not be resolved (a match case is open, or a
-- source that may not create persons pushed an account nobody matches). It is never announced
-- downstream (no person.created) until a decision makes it real. account.person_pk stays NOT NULL.
ALTER TABLE person ADD COLUMN provisional BOOLEAN NOT NULL DEFAULT FALSE;

-- A person merged into another keeps its row (old events name it) and points to the survivor.
ALTER TABLE person ADD COLUMN merged_into_pk BIGINT NULL;

-- What one account says about its human, as the flat facts the golden record is computed from,
-- so recomputation never re-reads SCIM resources.
CREATE TABLE account_facts (
  account_pk BIGINT NOT NULL,
  facts JSON NOT NULL,
  PRIMARY KEY (account_pk),
  CONSTRAINT fk_account_facts_account FOREIGN KEY (account_pk) REFERENCES account (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Cross-source lookup keys of an account: normalised emails, name-derived email aliases, folded
-- names and userNames. Candidate lookup reads only this index, never the person table.
CREATE TABLE match_key (
  account_pk BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  val VARCHAR(320) NOT NULL,
  PRIMARY KEY (account_pk, kind, val),
  CONSTRAINT fk_match_key_account FOREIGN KEY (account_pk) REFERENCES account (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_match_key_val ON match_key (kind, val);

-- The person a worker id belongs to. Outlives the accounts that carried it, so a rehire under
-- the same worker id (account deleted, later re-created) relinks to the same person.
CREATE TABLE worker_link (
  worker_id VARCHAR(255) NOT NULL,
  person_pk BIGINT NOT NULL,
  linked_at DATETIME(6) NOT NULL,
  PRIMARY KEY (worker_id),
  CONSTRAINT fk_worker_link_person FOREIGN KEY (person_pk) REFERENCES person (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_worker_link_person ON worker_link (person_pk);

-- Every resolution decision with its rules, scores and evidence (automatic or by an admin).
CREATE TABLE match_decision (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  account_id CHAR(36) NOT NULL,
  source_id BIGINT NOT NULL,
  person_id CHAR(36) NULL,
  outcome VARCHAR(32) NOT NULL,
  score INT NOT NULL,
  evidence JSON NOT NULL,
  actor VARCHAR(200) NOT NULL,
  case_id CHAR(36) NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_match_decision_person ON match_decision (person_id, pk);
CREATE INDEX ix_match_decision_account ON match_decision (account_id, pk);

-- A match a human must decide: the account, its candidate persons with scores and evidence.
CREATE TABLE match_case (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  account_id CHAR(36) NOT NULL,
  source_id BIGINT NOT NULL,
  holding_person_id CHAR(36) NOT NULL,
  status ENUM('open', 'decided') NOT NULL,
  score INT NOT NULL,
  candidates JSON NOT NULL,
  decision VARCHAR(32) NULL,
  decided_person_id CHAR(36) NULL,
  decided_by VARCHAR(200) NULL,
  decided_at DATETIME(6) NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_match_case_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_match_case_status ON match_case (status, pk);
CREATE INDEX ix_match_case_account ON match_case (account_id);
CREATE INDEX ix_match_case_holder ON match_case (holding_person_id, status);

-- The current authority matrix (one row): survives restarts; changes are audited.
CREATE TABLE authority_matrix (
  id INT NOT NULL,
  rules JSON NOT NULL,
  updated_by VARCHAR(200) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which persons a case proposes, so a person's detail can list the open cases about it.
CREATE TABLE match_case_candidate (
  case_pk BIGINT NOT NULL,
  person_id CHAR(36) NOT NULL,
  score INT NOT NULL,
  PRIMARY KEY (case_pk, person_id),
  CONSTRAINT fk_match_case_candidate_case FOREIGN KEY (case_pk) REFERENCES match_case (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_match_case_candidate_person ON match_case_candidate (person_id);
