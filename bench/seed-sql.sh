#!/usr/bin/env bash
# Prints the SQL that bulk-loads benchmark users FROM..TO (inclusive) for one source, straight into
# person, account and the account_value filter index, in the shapes the SCIM write path produces
# (checked against a user created over HTTP). Uses MariaDB's SEQUENCE engine (seq_1_to_N tables), so
# no row data crosses the client connection. Seeded users carry no event or audit rows.
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

cat <<SQL
SET SESSION unique_checks = 0, foreign_key_checks = 0;
SET @src := $src;
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
  ', "active": {"value": "true', $prov, '}'),
  2, 1, @t, @t
FROM $(users "$lo" "$hi");
INSERT INTO account (pk, id, source_id, external_id, user_name, user_name_ci, worker_id, active, resource, version,
                     person_pk, created_at, updated_at)
SELECT @a0 + s.seq, s.aid, @src, CONCAT('ext-', s.seq),
  CONCAT('bench.user', s.seq, '@example.com'), CONCAT('bench.user', s.seq, '@example.com'), NULL, TRUE,
  CONCAT('{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "ext-', s.seq,
         '", "userName": "bench.user', s.seq, '@example.com", "name": {"familyName": "Family', s.seq,
         '", "givenName": "Given', s.seq, '"}, "displayName": "Given', s.seq, ' Family', s.seq,
         '", "active": true, "emails": [{"value": "bench.user', s.seq, '@example.com", "type": "work", "primary": true}]}'),
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
    ELSE CONCAT('given', s.seq) END, NULL
FROM $(users "$lo" "$hi") CROSS JOIN (SELECT 'active' AS attr UNION ALL SELECT 'displayname' UNION ALL
  SELECT 'emails.primary' UNION ALL SELECT 'emails.type' UNION ALL SELECT 'emails.value' UNION ALL
  SELECT 'name.familyname' UNION ALL SELECT 'name.givenname') a
ORDER BY s.seq, a.attr;
SQL
done
