-- RFC 7643 §3.1: externalId is the provisioning client's identifier and the service provider does
-- not enforce its uniqueness; an HRIS may push the same worker twice under one externalId (two
-- records, which resolution links to one person). Keep it indexed for `externalId eq` filters.
-- (DROP CONSTRAINT, not DROP INDEX: jOOQ's DDL parser knows the unique key only as a constraint.)
CREATE INDEX ix_account_external_id ON account (source_id, external_id);
ALTER TABLE account DROP CONSTRAINT uq_account_external_id;
CREATE INDEX ix_group_external_id ON scim_group (source_id, external_id);
ALTER TABLE scim_group DROP CONSTRAINT uq_group_external_id;
