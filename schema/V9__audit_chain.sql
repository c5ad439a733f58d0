-- The audit chain without holes (issue 9). The sealer links rows in the order it sees them
-- committed (chain_pos), not in seq order, so a transaction that commits late is sealed on the next
-- pass instead of being passed over. Every seq up to audit_seal.high_seq is accounted for: a sealed
-- row, a sealed gap record ('audit.gap', a seq no transaction committed), or a pending hole
-- (audit_hole: a seq still held by an open transaction).

-- Each writer stores the SHA-256 of its row's content, so a row altered before it is sealed is
-- still detected, and the newest committed row it could see (witness), so a row deleted before it
-- is sealed is detected through any later row.
ALTER TABLE audit ADD COLUMN row_hash CHAR(64) NULL;
ALTER TABLE audit ADD COLUMN witness_seq BIGINT NULL;
ALTER TABLE audit ADD COLUMN witness_hash CHAR(64) NULL;
ALTER TABLE audit ADD COLUMN chain_pos BIGINT NULL;
CREATE UNIQUE INDEX uq_audit_chain_pos ON audit (chain_pos);
CREATE INDEX ix_audit_witness ON audit (witness_seq);

-- The chain head, anchored outside the rows so that deleting the newest sealed rows is detected.
-- legacy_through: rows up to it were written before row hashes existed; the sealer hashes them.
CREATE TABLE audit_seal (
  id INT NOT NULL,
  chain_pos BIGINT NOT NULL,
  head_hash CHAR(64) NOT NULL,
  high_seq BIGINT NOT NULL,
  legacy_through BIGINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Seq ranges below high_seq that were not committed when the sealer passed them.
CREATE TABLE audit_hole (
  from_seq BIGINT NOT NULL,
  through_seq BIGINT NOT NULL,
  seen_at DATETIME(6) NOT NULL,
  PRIMARY KEY (from_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The old chain skipped rows for good; the whole trail is sealed again from the start, in the
-- new format. (Run `audit verify` with the previous version before upgrading to check the old chain.)
/* [jooq ignore start] */
UPDATE audit SET prev_hash = NULL, hash = NULL;
INSERT INTO audit_seal (id, chain_pos, head_hash, high_seq, legacy_through)
  SELECT 1, 0, REPEAT('0', 64), 0, COALESCE(MAX(seq), 0) FROM audit;
/* [jooq ignore stop] */
