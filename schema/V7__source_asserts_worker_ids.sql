-- Whether a source may assert worker ids: only then is a worker id it pushes a strong key (it links
-- accounts and claims the worker id for a person). From other sources a worker id is evidence only.
-- Default: HR systems and identity providers may, CRMs may not; IT changes it per source.
ALTER TABLE source ADD COLUMN asserts_worker_ids BOOLEAN NOT NULL DEFAULT TRUE;
UPDATE source SET asserts_worker_ids = FALSE WHERE kind = 'crm';
