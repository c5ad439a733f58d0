-- Rollcall delivery operations: per-subscription limits, continuous-failure tracking, replay rounds.

-- NULL limits follow the server's defaults (ROLLCALL_WEBHOOK_TIMEOUT, the retry schedule's length).
-- failing_since: the time of the first failed attempt since the last success (NULL while healthy);
-- a subscription failing for ROLLCALL_WEBHOOK_DISABLE_AFTER is disabled with its reason.
ALTER TABLE subscription
  ADD COLUMN timeout_ms INT NULL,
  ADD COLUMN max_attempts INT NULL,
  ADD COLUMN failing_since DATETIME(6) NULL,
  ADD COLUMN last_success_at DATETIME(6) NULL;

-- attempts stays the count of every attempt ever made (the attempt log's length); round_base is the
-- count when the delivery was last replayed, so a replay gets a whole schedule without losing history.
ALTER TABLE delivery
  ADD COLUMN round_base INT NOT NULL DEFAULT 0,
  ADD COLUMN replays INT NOT NULL DEFAULT 0;

-- the delivery list's time range and replay by range: (subscription, created_at) in index order
CREATE INDEX ix_delivery_sub_created ON delivery (subscription_pk, created_at, pk);
-- success rate over the last hour (health): attempts by time
CREATE INDEX ix_attempt_at ON attempt (at);
