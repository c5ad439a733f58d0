-- Rollcall delivery formats: secret rotation with an overlap, per-subscription attribute mapping,
-- person filter and signing, the state of a person or group at the commit of each announced event
-- (what its payload shows), and the server's signing keys (SET and ed25519 webhooks, the JWKS).

-- NULL: the current secret. A rotation gives the secrets before it an expiry (now + overlap); until
-- then they sign too, afterwards they are never used and the next rotation deletes them.
ALTER TABLE subscription_secret ADD COLUMN expires_at DATETIME(6) NULL;

-- JSON documents of delivery.rules.AttributeMapping and PersonFilter; NULL: none.
ALTER TABLE subscription ADD COLUMN attribute_mapping JSON NULL;
ALTER TABLE subscription ADD COLUMN person_filter JSON NULL;
-- 'hmac' (v1, the subscription's secrets) or 'ed25519' (v1a, the server's Ed25519 key as well).
ALTER TABLE subscription ADD COLUMN signing VARCHAR(16) NOT NULL DEFAULT 'hmac';

-- Written in the event's transaction just before it commits, for announced events only.
CREATE TABLE event_snapshot (
  event_id CHAR(26) NOT NULL,
  snapshot JSON NOT NULL,
  PRIMARY KEY (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The server's signing keys: the private key (PKCS#8) sealed with the master key (AES-GCM, the kid as
-- associated data), the public key as a JWK. retires_at NULL: current; else the key no longer signs and
-- stays in the JWKS until then.
CREATE TABLE signing_key (
  pk BIGINT NOT NULL AUTO_INCREMENT,
  kid VARCHAR(64) NOT NULL,
  alg VARCHAR(16) NOT NULL,
  nonce VARBINARY(12) NOT NULL,
  ciphertext VARBINARY(1024) NOT NULL,
  public_jwk VARCHAR(2000) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  retires_at DATETIME(6) NULL,
  PRIMARY KEY (pk),
  UNIQUE KEY uq_signing_key_kid (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_signing_key_alg ON signing_key (alg, retires_at);
