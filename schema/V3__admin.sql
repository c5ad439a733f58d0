-- Indexes for the admin API's person list (cursor paging by person.pk, never OFFSET):
-- filtering by state walks (state, pk); by source or persona starts from the accounts of one source.
CREATE INDEX ix_person_state ON person (state, pk);
CREATE INDEX ix_account_source_person ON account (source_id, person_pk);
