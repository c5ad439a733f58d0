#!/usr/bin/env bash
# Rollcall benchmark (not a test): bench/run.sh [N]   (N = seeded users, default 100000)
#
# Builds the jar if missing, creates a fresh database on the MariaDB at 127.0.0.1:3306 (or uses the
# embedded MariaDB when none answers), starts the server, registers an HRIS and an IdP source, seeds
# HRIS users with bulk SQL (persons, accounts and identity resolution's rows: facts, match keys,
# worker links), then drives it with wrk at concurrency 16 over HTTP/1.1 on 127.0.0.1 and prints
# creates/s (HRIS creates of new persons, and IdP creates that resolution links to seeded persons),
# PATCH/s, GET by id/s and filter requests/s with p50/p99, and the server's RSS. Each phase stops
# after BENCH_DURATION seconds or BENCH_MAX_REQUESTS requests, whichever comes first. At the end the
# server is stopped and the database dropped.
#
# Environment (all optional): BENCH_DURATION (s, default 20), BENCH_MAX_REQUESTS (default 300000),
# BENCH_PORT (default 18090), BENCH_JAVA_OPTS (server JVM flags), BENCH_POOL_SIZE (default 20),
# BENCH_EMBEDDED=1 (use the embedded MariaDB even if a local one answers).
set -euo pipefail

N=${1:-100000}
SMALL=10000
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=$ROOT/target/rollcall.jar
PORT=${BENCH_PORT:-18090}
DURATION=${BENCH_DURATION:-20}
MAX_REQUESTS=${BENCH_MAX_REQUESTS:-300000}
THREADS=2
CONNECTIONS=16
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k}
WORK=$(mktemp -d)
LOG=$WORK/server.log
SERVER_PID=
EMBEDDED_DIR=

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }

(( N > SMALL )) || die "N must be more than $SMALL"
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
[[ -f $JAR ]] || { say "building $JAR"; (cd "$ROOT" && mvn -B -q -o package -DskipTests); }

cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n $EMBEDDED_DIR ]]; then
    rm -rf "$EMBEDDED_DIR"
  elif [[ -n ${DB:-} ]]; then
    sql_admin -e "DROP DATABASE IF EXISTS $DB" || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_server() {
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" serve >"$LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; die "server exited"; }
    sleep 0.2
  done
  die "server not ready after 60 s"
}

export ROLLCALL_HTTP_PORT=$PORT ROLLCALL_DB_USER=root ROLLCALL_DB_PASSWORD= ROLLCALL_DB_POOL_SIZE=${BENCH_POOL_SIZE:-20}
# serving on an external database needs a master key; a throwaway one for the run
export ROLLCALL_MASTER_KEY=${ROLLCALL_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}
if [[ ${BENCH_EMBEDDED:-0} != 1 ]] && command -v mariadb-admin >/dev/null \
    && mariadb-admin -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; then
  DB=rollcall_bench_$$
  DB_PORT=3306
  CLIENT=mariadb
  sql_admin() { "$CLIENT" -h127.0.0.1 -P"$DB_PORT" -uroot "$@"; }
  sql_admin -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
  export ROLLCALL_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB"
  say "database $DB on the local MariaDB at 127.0.0.1:3306"
  start_server
else
  EMBEDDED_DIR=$ROOT/data/bench-$$
  export ROLLCALL_DATA_DIR=$EMBEDDED_DIR
  unset ROLLCALL_DB_URL
  say "no MariaDB answers at 127.0.0.1:3306: using the embedded one under $EMBEDDED_DIR"
  start_server
  DB_PORT=$(sed -n 's/.*embedded MariaDB listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$LOG" | head -1)
  DB=rollcall
  CLIENT=
  for c in "$EMBEDDED_DIR"/mariadb-base/bin/mariadb "$EMBEDDED_DIR"/mariadb-base/bin/mysql; do
    [[ -x $c ]] && { CLIENT=$c; break; }
  done
  [[ -n $DB_PORT && -n $CLIENT ]] || die "cannot find the embedded MariaDB's port or client"
  sql_admin() { "$CLIENT" --skip-ssl -h127.0.0.1 -P"$DB_PORT" -uroot "$@"; }
  export ROLLCALL_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB"
fi
sql() { sql_admin -N -B "$DB" "$@"; }

TOKEN=$(java -jar "$JAR" sources add bench --kind hris 2>/dev/null | tail -1)
SOURCE_ID=$(sql -e "SELECT id FROM source WHERE name = 'bench'")
# kind idp: by default it may not create persons, so its accounts only link to existing ones
IDP_TOKEN=$(java -jar "$JAR" sources add bench-idp --kind idp 2>/dev/null | tail -1)
IDP_SOURCE_ID=$(sql -e "SELECT id FROM source WHERE name = 'bench-idp'")

seed() { # seed users $1..$2
  local t0=$SECONDS
  "$BENCH_DIR/seed-sql.sh" "$1" "$2" "$SOURCE_ID" | sql
  sql -e "ANALYZE TABLE person, account, account_value, account_facts, match_key, worker_link, match_decision" >/dev/null
  say "seeded users $1..$2 in $((SECONDS - t0)) s"
}

server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

phase() { # phase NAME SCRIPT [seconds]: one wrk run; its RESULT line, plus the server's CPU ms per request
  local before result requests
  before=$(server_cpu_ticks)
  result=$(BENCH_PHASE=$1 BENCH_DIR=$BENCH_DIR BENCH_TOKEN=${PHASE_TOKEN:-$TOKEN} BENCH_RUN=$$ BENCH_THREADS=$THREADS \
  BENCH_BUDGET_PER_THREAD=$((MAX_REQUESTS / THREADS)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3:-$DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/$2" \
      "http://127.0.0.1:$PORT" | sed -n "s/^RESULT //p")
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    tail -n 40 "$LOG" >&2
    die "the server (pid $SERVER_PID) exited during phase $1; the end of its log is above"
  fi
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  result="$result server_cpu_ms/req=$(awk -v t=$(( $(server_cpu_ticks) - before )) -v hz="$(getconf CLK_TCK)" -v r="$requests" \
    'BEGIN {printf "%.2f", r ? t * 1000 / hz / r : 0}')"
  echo "$result" >&2
  [[ $1 == warmup* ]] || echo "$result" >>"$WORK/results"
}

sample_ids() { # 10000 random ids of seeded users
  sql -e "SELECT id FROM account WHERE source_id = $SOURCE_ID AND pk <= (SELECT MAX(pk) FROM account)
          ORDER BY RAND() LIMIT 10000" >"$WORK/ids"
}
export BENCH_IDS_FILE=$WORK/ids

say "server pid $SERVER_PID, JVM: $JAVA_OPTS"
seed 1 "$SMALL"
sample_ids
say "warm-up, so that the JIT has compiled the request paths (not reported)"
BENCH_USERS=$SMALL BENCH_FILTER=userName phase warmup-filter filter.lua 20
BENCH_USERS=$SMALL BENCH_FILTER=emails.value phase warmup-filter-emails filter.lua 5
phase warmup-get get.lua 10
phase warmup-patch patch.lua 10
phase warmup-create create.lua 10
PHASE_TOKEN=$IDP_TOKEN BENCH_FIRST=1 BENCH_LAST=$SMALL phase warmup-idp-link idp_link.lua 10
say "measuring at $SMALL users"
BENCH_USERS=$SMALL BENCH_FILTER=userName phase "filter_userName@$SMALL" filter.lua
seed $((SMALL + 1)) "$N"
sample_ids
say "measuring at $N users"
phase "create@$N" create.lua
# IdP accounts for seeded users SMALL+1..N (the warm-up used 1..SMALL): each links to its person
decisions_before=$(sql -e "SELECT COUNT(*) FROM match_decision WHERE source_id = $IDP_SOURCE_ID")
persons_before=$(sql -e "SELECT COUNT(*) FROM person")
PHASE_TOKEN=$IDP_TOKEN BENCH_FIRST=$((SMALL + 1)) BENCH_LAST=$N phase "create_idp_link@$N" idp_link.lua
LINKED=$(sql -e "SELECT CONCAT(COUNT(*), ' IdP accounts created: ', COUNT(CASE WHEN d.outcome = 'linked' THEN 1 END),
  ' linked to a seeded person (', COUNT(CASE WHEN d.evidence LIKE '%\"worker.id\"%' THEN 1 END), ' by worker id, ',
  COUNT(CASE WHEN d.evidence LIKE '%\"email.exact\"%' THEN 1 END), ' by email + name), ',
  COUNT(CASE WHEN d.outcome <> 'linked' THEN 1 END), ' not linked; persons created meanwhile: ',
  (SELECT COUNT(*) FROM person) - $persons_before)
  FROM (SELECT outcome, evidence FROM match_decision WHERE source_id = $IDP_SOURCE_ID ORDER BY pk LIMIT 100000000 OFFSET $decisions_before) d")
say "$LINKED"
phase "get_by_id@$N" get.lua
phase "patch@$N" patch.lua
for attr in userName emails.value externalId; do
  BENCH_USERS=$N BENCH_FILTER=$attr phase "filter_$attr@$N" filter.lua
done
RSS=$(awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$SERVER_PID/status")
HWM=$(awk '/^VmHWM/ {print $2 / 1024 " MB"}' "/proc/$SERVER_PID/status")
ACCOUNTS=$(sql -e "SELECT COUNT(*) FROM account")

echo
echo "Rollcall benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, N=$N seeded users ($ACCOUNTS accounts at the end)"
echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s or $MAX_REQUESTS requests per phase; server JVM: $JAVA_OPTS"
column -t "$WORK/results"
echo "create_idp_link: $LINKED"
echo "server RSS at the end: $RSS (peak $HWM)"
P99_SMALL=$(awk -v k="filter_userName@$SMALL" '$1 == k {sub("p99_ms=", "", $6); print $6}' "$WORK/results")
P99_N=$(awk -v k="filter_userName@$N" '$1 == k {sub("p99_ms=", "", $6); print $6}' "$WORK/results")
echo "userName eq p99: ${P99_SMALL} ms at $SMALL users, ${P99_N} ms at $N users"
