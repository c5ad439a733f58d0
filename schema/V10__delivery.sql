-- Rollcall delivery: webhook subscriptions, their secrets (encrypted with the master key), the
-- outbox of deliveries (one per announced event per matching subscription, written in the change's
-- transaction) and every HTTP attempt.

CREATE TABLE subscription (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  name VARCHAR(200) NOT NULL,
  url VARCHAR(2000) NOT NULL,
  event_types VARCHAR(2000) NOT NULL,
  format VARCHAR(32) NOT NULL,
  enabled BOOLEAN NOT NULL,
  disabled_reason VARCHAR(500) NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_subscription_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_subscription_enabled ON subscription (enabled);

-- AES-GCM: a fresh 12-byte nonce per secret, the subscription id as associated data.
CREATE TABLE subscription_secret (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  subscription_pk BIGINT NOT NULL,
  nonce VARBINARY(12) NOT NULL,
  ciphertext VARBINARY(512) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (pk),
  CONSTRAINT fk_secret_subscription FOREIGN KEY (subscription_pk) REFERENCES subscription (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One event owed to one subscription. Dispatchers claim due rows by (status, next_attempt_at, pk).
-- Per (subscription, person) only the head of the chain (the lowest person_seq not yet delivered or
-- dead) has a next_attempt_at; the ones behind it wait with NULL until the head is done, so the
-- claim stays a plain index range and order holds.
CREATE TABLE delivery (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  id CHAR(36) NOT NULL,
  subscription_pk BIGINT NOT NULL,
  event_id CHAR(26) NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  person_id CHAR(36) NULL,
  person_seq BIGINT NULL,
  status ENUM('pending', 'leased', 'delivered', 'failed', 'dead') NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at DATETIME(6) NULL,
  lease_owner VARCHAR(64) NULL,
  lease_until DATETIME(6) NULL,
  last_error VARCHAR(500) NULL,
  created_at DATETIME(6) NOT NULL,
  finished_at DATETIME(6) NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_delivery_id (id),
  CONSTRAINT fk_delivery_subscription FOREIGN KEY (subscription_pk) REFERENCES subscription (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_delivery_due ON delivery (status, next_attempt_at, pk);
CREATE INDEX ix_delivery_chain ON delivery (subscription_pk, person_id, status, person_seq);
CREATE INDEX ix_delivery_subscription ON delivery (subscription_pk, status, pk);

CREATE TABLE attempt (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  delivery_pk BIGINT NOT NULL,
  at DATETIME(6) NOT NULL,
  latency_ms BIGINT NOT NULL,
  status_code INT NULL,
  error VARCHAR(500) NULL,
  answer VARCHAR(1024) NULL,
  PRIMARY KEY (pk),
  CONSTRAINT fk_attempt_delivery FOREIGN KEY (delivery_pk) REFERENCES delivery (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_attempt_delivery ON attempt (delivery_pk, pk);
