#!/usr/bin/env bash
# Prints the SQL that bulk-loads benchmark users FROM..TO (inclusive) for one HRIS source, straight
# into the tables a SCIM User create by an HRIS source writes, in the shapes the write path produces
# (checked row by row against a user created over HTTP): person (golden record with provenance,
# event_seq 2, version 2, not provisional), account (worker id W0000007 in the lifecycle extension),
# the account_value filter index, and identity resolution's rows: account_facts, match_key (the
# normalised email, the five name-derived aliases, the folded name, the userName), worker_link and
# the match_decision (new_person). Uses MariaDB's SEQUENCE engine (seq_1_to_N tables), so no row data
# crosses the client connection. Seeded users carry no event or audit rows.
# Usage: bench/seed-sql.sh FROM TO SOURCE_ID [CHUNK]
set -euo pipefail
from=$1 to=$2 src=$3 chunk=${4:-50000}

# The users lo..hi as a derived table: seq and aid, the account id (UUID-shaped, deterministic and
# evenly spread: built from the MD5 of the user number).
users() {
  echo "(SELECT seq, CONCAT(SUBSTR(h,1,8),'-',SUBSTR(h,9,4),'-4',SUBSTR(h,14,3),'-a',SUBSTR(h,18,3),'-',SUBSTR(h,21,12)) AS aid
  FROM (SELECT seq, MD5(CONCAT('rollcall-bench-', seq)) AS h FROM seq_$1_to_$2) x) s"
}
# The rest of a golden value after its "value": its provenance.
prov="'\", \"sourceId\": ', @src, ', \"accountId\": \"', s.aid, '\", \"at\": \"', @at, '\"}'"
# The worker id of user seq (fixed width, so that worker_link is filled in key order).
wid="CONCAT('W', LPAD(s.seq, 7, '0'))"

cat <<SQL
SET SESSION unique_checks = 0, foreign_key_checks = 0;
SET @src := $src;
SET @actor := (SELECT CONCAT('source:', name) FROM source WHERE id = $src);
SET @t := UTC_TIMESTAMP(6);
SET @at := DATE_FORMAT(@t, '%Y-%m-%dT%H:%i:%s.%fZ');
SQL

for ((lo = from; lo <= to; lo += chunk)); do
  hi=$((lo + chunk - 1)); ((hi > to)) && hi=$to
  cat <<SQL
SET @p0 := (SELECT COALESCE(MAX(pk), 0) FROM person) - $lo + 1;
SET @a0 := (SELECT COALESCE(MAX(pk), 0) FROM account) - $lo + 1;
INSERT INTO person (pk, id, state, golden, event_seq, version, created_at, updated_at)
SELECT @p0 + s.seq, UUID(), 'active', CONCAT(
  '{"name.givenName": {"value": "Given', s.seq, $prov,
  ', "userName": {"value": "bench.user', s.seq, '@example.com', $prov,
  ', "displayName": {"value": "Given', s.seq, ' Family', s.seq, $prov,
  ', "name.familyName": {"value": "Family', s.seq, $prov,
  ', "emails.work": {"value": "bench.user', s.seq, '@example.com', $prov,
  ', "email": {"value": "bench.user', s.seq, '@example.com', $prov,
  ', "active": {"value": "true', $prov,
  ', "workerId": {"value": "', $wid, $prov, '}'),
  2, 2, @t, @t
FROM $(users "$lo" "$hi");
INSERT INTO account (pk, id, source_id, external_id, user_name, user_name_ci, worker_id, active, resource, version,
                     person_pk, created_at, updated_at)
SELECT @a0 + s.seq, s.aid, @src, CONCAT('ext-', s.seq),
  CONCAT('bench.user', s.seq, '@example.com'), CONCAT('bench.user', s.seq, '@example.com'), $wid, TRUE,
  CONCAT('{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User"], "externalId": "ext-', s.seq,
         '", "userName": "bench.user', s.seq, '@example.com", "name": {"familyName": "Family', s.seq,
         '", "givenName": "Given', s.seq, '"}, "displayName": "Given', s.seq, ' Family', s.seq,
         '", "active": true, "emails": [{"value": "bench.user', s.seq, '@example.com", "type": "work", "primary": true}], ',
         '"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User": {"workerId": "', $wid, '"}}'),
  1, @p0 + s.seq, @t, @t
FROM $(users "$lo" "$hi");
INSERT INTO account_value (account_pk, attr, idx, source_id, val, num)
SELECT @a0 + s.seq, a.attr, 0, @src, CASE a.attr
    WHEN 'active' THEN 'true'
    WHEN 'displayname' THEN CONCAT('given', s.seq, ' family', s.seq)
    WHEN 'emails.primary' THEN 'true'
    WHEN 'emails.type' THEN 'work'
    WHEN 'emails.value' THEN CONCAT('bench.user', s.seq, '@example.com')
    WHEN 'name.familyname' THEN CONCAT('family', s.seq)
    WHEN 'name.givenname' THEN CONCAT('given', s.seq)
    ELSE $wid END, NULL
FROM $(users "$lo" "$hi") CROSS JOIN (SELECT 'active' AS attr UNION ALL SELECT 'displayname' UNION ALL
  SELECT 'emails.primary' UNION ALL SELECT 'emails.type' UNION ALL SELECT 'emails.value' UNION ALL
  SELECT 'name.familyname' UNION ALL SELECT 'name.givenname' UNION ALL
  SELECT 'urn:rollcall:scim:schemas:extension:lifecycle:1.0:user:workerid') a
ORDER BY s.seq, a.attr;
INSERT INTO account_facts (account_pk, facts)
SELECT @a0 + s.seq, CONCAT('{"workerId": "', $wid, '", "active": true, "attributes": {',
  '"emails.work": "bench.user', s.seq, '@example.com", "active": "true", "userName": "bench.user', s.seq,
  '@example.com", "name.givenName": "Given', s.seq, '", "name.familyName": "Family', s.seq,
  '", "displayName": "Given', s.seq, ' Family', s.seq, '", "email": "bench.user', s.seq,
  '@example.com", "workerId": "', $wid, '"}}')
FROM $(users "$lo" "$hi");
INSERT INTO match_key (account_pk, kind, val)
SELECT @a0 + s.seq, k.kind, CASE k.variant
    WHEN 'email' THEN CONCAT('bench.user', s.seq, '@example.com')
    WHEN 'username' THEN CONCAT('bench.user', s.seq, '@example.com')
    WHEN 'name' THEN CONCAT('given', s.seq, ' family', s.seq)
    WHEN 'given.family' THEN CONCAT('given', s.seq, '.family', s.seq, '@example.com')
    WHEN 'gfamily' THEN CONCAT('gfamily', s.seq, '@example.com')
    WHEN 'givenf' THEN CONCAT('given', s.seq, 'f@example.com')
    WHEN 'givenfamily' THEN CONCAT('given', s.seq, 'family', s.seq, '@example.com')
    ELSE CONCAT('family', s.seq, '.given', s.seq, '@example.com') END AS val
FROM $(users "$lo" "$hi") CROSS JOIN (SELECT 'email' AS kind, 'email' AS variant UNION ALL
  SELECT 'username', 'username' UNION ALL SELECT 'name', 'name' UNION ALL SELECT 'alias', 'given.family' UNION ALL
  SELECT 'alias', 'gfamily' UNION ALL SELECT 'alias', 'givenf' UNION ALL SELECT 'alias', 'givenfamily' UNION ALL
  SELECT 'alias', 'family.given') k
ORDER BY s.seq, k.kind, val;
INSERT INTO worker_link (worker_id, person_pk, linked_at)
SELECT $wid, @p0 + s.seq, @t
FROM $(users "$lo" "$hi");
INSERT INTO match_decision (account_id, source_id, person_id, outcome, score, evidence, actor, case_id, created_at)
SELECT s.aid, @src, p.id, 'new_person', 0,
  '{"rules": [{"rule": "no.candidates", "points": 0, "detail": "no account shares an email, alias or name"}], "candidates": []}',
  @actor, NULL, @t
FROM $(users "$lo" "$hi") JOIN person p ON p.pk = @p0 + s.seq
ORDER BY s.seq;
SQL
done
