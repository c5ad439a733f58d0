#!/usr/bin/env bash
# Rollcall benchmark (not a test): bench/run.sh [N]   (N = seeded users, default 100000)
#
# Builds the jar if missing, starts the server on a MariaDB instance of its own (the embedded one,
# under data/bench-<pid>; BENCH_LOCAL_DB=1 uses a fresh database on the MariaDB at 127.0.0.1:3306
# instead), registers an HRIS and an IdP source, seeds HRIS users with bulk SQL (persons, accounts and
# identity resolution's rows: facts, match keys, worker links), then drives it with wrk at
# concurrency 16 over HTTP/1.1 on 127.0.0.1. Phases: HRIS creates of new persons, IdP creates that
# resolution links to seeded persons, PATCH, GET by id, the three filters at 10k and at N, and a
# mixed phase (80% GET/filter, 20% PATCH/create). For each it prints requests/s, p50/p99, non-2xx
# answers and socket errors, the server's and MariaDB's CPU ms per request (/proc/<pid>/stat), and
# statements, DML statements and InnoDB rows written per request (the instance's global status).
# Each phase stops after BENCH_DURATION seconds or BENCH_MAX_REQUESTS requests, whichever comes
# first. At the end the server is stopped and the database (or the embedded instance) removed.
#
# Environment (all optional): BENCH_DURATION (s, default 20), BENCH_MAX_REQUESTS (default 300000),
# BENCH_PORT (default 18090), BENCH_JAVA_OPTS (server JVM flags), BENCH_POOL_SIZE (default 20),
# BENCH_LOCAL_DB=1 (the MariaDB at 127.0.0.1:3306; its counters and CPU then include every other
# client of that instance), BENCH_SUBSCRIPTIONS=K (K subscriptions to `*` events, delivered to
# bench/receiver.py on 127.0.0.1:BENCH_RECEIVER_PORT, default 18099, which answers 204),
# BENCH_JFR=1 (record the whole run with JFR), BENCH_JFR_PHASES=create,patch (record only the phases
# whose names start with one of these, one file each), BENCH_OUT (where .jfr files and the results
# are kept, default target/bench), BENCH_WARMUP_SCALE (percent of the warm-up durations, default 100),
# BENCH_ONLY=patch,get_by_id (measure only the phases whose names start with one of these; the
# seeding and the warm-up still run), BENCH_JAR (another build to measure, e.g. main's for a before/after).
set -euo pipefail

N=${1:-100000}
SMALL=10000
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${BENCH_JAR:-$ROOT/target/rollcall.jar}
PORT=${BENCH_PORT:-18090}
DURATION=${BENCH_DURATION:-20}
MAX_REQUESTS=${BENCH_MAX_REQUESTS:-300000}
SUBSCRIPTIONS=${BENCH_SUBSCRIPTIONS:-0}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-18099}
WARMUP_SCALE=${BENCH_WARMUP_SCALE:-100}
OUT=${BENCH_OUT:-$ROOT/target/bench}
THREADS=2
CONNECTIONS=16
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d)
LOG=$WORK/server.log
SERVER_PID=
DB_PID=
RECEIVER_PID=
EMBEDDED_DIR=

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }

(( N > SMALL )) || die "N must be more than $SMALL"
[[ $SUBSCRIPTIONS =~ ^[0-9]+$ ]] && (( SUBSCRIPTIONS <= 10 )) || die "BENCH_SUBSCRIPTIONS must be 0..10"
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
[[ -f $JAR ]] || { say "building $JAR"; (cd "$ROOT" && mvn -B -q -o package -DskipTests); }
mkdir -p "$OUT"
if [[ ${BENCH_JFR:-0} == 1 || -n ${BENCH_JFR_PHASES:-} ]]; then
  command -v jcmd >/dev/null || die "JFR per phase needs jcmd (a JDK tool) on the PATH"
  # deeper stacks than the default 64: Jetty + Jersey alone take about 60 frames
  JAVA_OPTS="$JAVA_OPTS -XX:FlightRecorderOptions=stackdepth=256"
fi
if [[ ${BENCH_JFR:-0} == 1 ]]; then
  # the whole run, written when the server exits (cleanup stops it with SIGTERM)
  JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=settings=profile,filename=$OUT/run-$STAMP.jfr,dumponexit=true"
fi

cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n $RECEIVER_PID ]] && kill -0 "$RECEIVER_PID" 2>/dev/null; then
    kill -TERM "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null || true
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
if (( SUBSCRIPTIONS > 0 )); then
  # the receiver is on loopback, which the SSRF guard refuses unless allowed
  export ROLLCALL_WEBHOOK_ALLOWLIST=127.0.0.1/32
  timeout 7200 python3 "$BENCH_DIR/receiver.py" "$RECEIVER_PORT" &
  RECEIVER_PID=$!
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$RECEIVER_PORT/count" >/dev/null 2>&1 && break
    kill -0 "$RECEIVER_PID" 2>/dev/null || die "the receiver did not start (port $RECEIVER_PORT in use?)"
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$RECEIVER_PORT/count" >/dev/null || die "the receiver does not answer on $RECEIVER_PORT"
fi
if [[ ${BENCH_LOCAL_DB:-0} == 1 || ${BENCH_EMBEDDED:-1} == 0 ]]; then
  command -v mariadb-admin >/dev/null && mariadb-admin -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1 \
    || die "BENCH_LOCAL_DB=1 but no MariaDB answers at 127.0.0.1:3306"
  DB=rollcall_bench_$$
  DB_PORT=3306
  CLIENT=mariadb
  sql_admin() { "$CLIENT" -h127.0.0.1 -P"$DB_PORT" -uroot "$@"; }
  sql_admin -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
  export ROLLCALL_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB"
  say "database $DB on the shared MariaDB at 127.0.0.1:3306: its CPU and counters include other clients"
  start_server
else
  EMBEDDED_DIR=$ROOT/data/bench-$$
  export ROLLCALL_DATA_DIR=$EMBEDDED_DIR
  unset ROLLCALL_DB_URL
  say "the embedded MariaDB, under $EMBEDDED_DIR: its CPU and counters are the bench's alone"
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

# The instance's mariadbd: from its pid file, else the process listening on its port.
db_pid() {
  local f p
  f=$(sql_admin -N -B -e "SELECT @@pid_file" 2>/dev/null || true)
  [[ -n $f && -r $f ]] && p=$(tr -dc 0-9 <"$f")
  if [[ -z ${p:-} ]]; then
    p=$(ss -Hltnp "sport = :$DB_PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  fi
  [[ -n ${p:-} && -r /proc/$p/stat ]] && grep -q -E '^(mariadbd|mysqld)$' "/proc/$p/comm" && echo "$p"
}
DB_PID=$(db_pid) || die "cannot find the pid of the MariaDB at 127.0.0.1:$DB_PORT"

TOKEN=$(java -jar "$JAR" sources add bench --kind hris 2>/dev/null | tail -1)
SOURCE_ID=$(sql -e "SELECT id FROM source WHERE name = 'bench'")
# kind idp: by default it may not create persons, so its accounts only link to existing ones
IDP_TOKEN=$(java -jar "$JAR" sources add bench-idp --kind idp 2>/dev/null | tail -1)
IDP_SOURCE_ID=$(sql -e "SELECT id FROM source WHERE name = 'bench-idp'")

if (( SUBSCRIPTIONS > 0 )); then
  ADMIN_TOKEN=$(java -jar "$JAR" admin-tokens add bench-admin --scope admin:write 2>/dev/null | tail -1)
  for i in $(seq "$SUBSCRIPTIONS"); do
    code=$(curl -s -o "$WORK/subscription" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/subscriptions" \
      -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"bench-$i\",\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook/$i\",\"eventTypes\":[\"*\"]}")
    [[ $code == 201 || $code == 200 ]] || { cat "$WORK/subscription" >&2; die "creating subscription $i: HTTP $code"; }
  done
  say "$SUBSCRIPTIONS subscriptions to every event, delivered to 127.0.0.1:$RECEIVER_PORT (answers 204)"
fi

seed() { # seed users $1..$2
  local t0=$SECONDS
  "$BENCH_DIR/seed-sql.sh" "$1" "$2" "$SOURCE_ID" | sql
  sql -e "ANALYZE TABLE person, account, account_value, account_facts, match_key, worker_link, match_decision" >/dev/null
  say "seeded users $1..$2 in $((SECONDS - t0)) s"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of pid $1, in clock ticks
HZ=$(getconf CLK_TCK)
# The counters read around each phase: every statement a client sent (Questions), the DML ones, the
# rows written (Handler_write/update/delete: row operations on tables; internal temporary tables
# count apart, as Handler_tmp_*; MariaDB 10.11 has no Innodb_rows_*), the rows read (Rows_read),
# COMMITs (Com_commit) and InnoDB's fsyncs (Innodb_data_fsyncs: group commit shares them).
# They are the instance's: background work (the dispatcher sending the deliveries of earlier
# phases, timers) counts in the phase it runs during.
STATUS_VARS="'Questions','Com_insert','Com_insert_select','Com_update','Com_update_multi','Com_delete',
  'Com_delete_multi','Com_replace','Com_replace_select','Handler_write','Handler_update','Handler_delete','Rows_read','Com_commit','Innodb_data_fsyncs'"
db_status() { sql_admin -N -B -e "SHOW GLOBAL STATUS WHERE Variable_name IN ($STATUS_VARS)"; }

named_in() { # named_in LIST PHASE: does the comma-separated LIST name PHASE (by prefix)?
  local p
  for p in ${1//,/ }; do [[ $2 == "$p"* ]] && return 0; done
  return 1
}

echo "phase rps p50_ms p99_ms non2xx sock_err server_cpu_ms/req db_cpu_ms/req stmts/req dml/req rows_written/req rows_read/req commits/req fsyncs/req" >"$WORK/results"

phase() { # phase NAME SCRIPT [seconds]: one wrk run; its RESULT line, plus CPU and statements per request
  local srv_before db_before status_before result requests jfr_name=
  if [[ -n ${BENCH_ONLY:-} && $1 != warmup* ]] && ! named_in "$BENCH_ONLY" "$1"; then
    return 0
  fi
  if [[ -n ${BENCH_JFR_PHASES:-} && $1 != warmup* ]] && named_in "$BENCH_JFR_PHASES" "$1"; then
    jfr_name="bench-${1//[^A-Za-z0-9_.-]/_}"
    jcmd "$SERVER_PID" JFR.start name="$jfr_name" settings=profile >/dev/null
  fi
  status_before=$(db_status)
  srv_before=$(cpu_ticks "$SERVER_PID")
  db_before=$(cpu_ticks "$DB_PID")
  result=$(BENCH_PHASE=$1 BENCH_DIR=$BENCH_DIR BENCH_TOKEN=${PHASE_TOKEN:-$TOKEN} BENCH_RUN=$$ BENCH_THREADS=$THREADS \
  BENCH_BUDGET_PER_THREAD=$((MAX_REQUESTS / THREADS)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3:-$DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/$2" \
      "http://127.0.0.1:$PORT" | sed -n "s/^RESULT //p")
  local srv_ticks=$(( $(cpu_ticks "$SERVER_PID") - srv_before )) db_ticks=$(( $(cpu_ticks "$DB_PID") - db_before ))
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    tail -n 40 "$LOG" >&2
    die "the server (pid $SERVER_PID) exited during phase $1; the end of its log is above"
  fi
  [[ -n $result ]] || die "wrk printed no result in phase $1"
  if [[ -n $jfr_name ]]; then
    jcmd "$SERVER_PID" JFR.stop name="$jfr_name" filename="$OUT/$jfr_name-$STAMP.jfr" >/dev/null
    say "JFR of phase $1: $OUT/$jfr_name-$STAMP.jfr (bench/jfr-top.sh it)"
  fi
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  # per request: CPU from the tick deltas; statements from the status deltas (the SHOW itself is one
  # Questions each time, subtracted)
  local per_req
  per_req=$( { echo "$status_before"; echo "--"; db_status; } | awk -v r="$requests" -v hz="$HZ" \
    -v st="$srv_ticks" -v dt="$db_ticks" '
      $1 == "--" { after = 1; next }
      { if (after) a[$1] = $2; else b[$1] = $2 }
      END {
        for (k in a) d[k] = a[k] - b[k]
        dml = d["Com_insert"] + d["Com_insert_select"] + d["Com_update"] + d["Com_update_multi"] + \
              d["Com_delete"] + d["Com_delete_multi"] + d["Com_replace"] + d["Com_replace_select"]
        rows = d["Handler_write"] + d["Handler_update"] + d["Handler_delete"]
        if (!r) r = 1
        printf "server_cpu_ms/req=%.2f db_cpu_ms/req=%.2f stmts/req=%.1f dml/req=%.1f rows_written/req=%.1f rows_read/req=%.1f commits/req=%.2f fsyncs/req=%.2f",
          st * 1000 / hz / r, dt * 1000 / hz / r, (d["Questions"] - 1) / r, dml / r, rows / r, d["Rows_read"] / r,
          d["Com_commit"] / r, d["Innodb_data_fsyncs"] / r
      }')
  result="$result $per_req"
  echo "$result" >&2
  [[ $1 == warmup* ]] || awk '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      print $1, v["rps"], v["p50_ms"], v["p99_ms"], v["non2xx"], v["socket_errors"], v["server_cpu_ms/req"],
        v["db_cpu_ms/req"], v["stmts/req"], v["dml/req"], v["rows_written/req"], v["rows_read/req"],
        v["commits/req"], v["fsyncs/req"]
    }' <<<"$result" >>"$WORK/results"
}

sample_ids() { # 10000 random ids of seeded users
  sql -e "SELECT id FROM account WHERE source_id = $SOURCE_ID AND pk <= (SELECT MAX(pk) FROM account)
          ORDER BY RAND() LIMIT 10000" >"$WORK/ids"
}
export BENCH_IDS_FILE=$WORK/ids
warm() { echo $(( ($1 * WARMUP_SCALE + 99) / 100 )); } # a warm-up duration, scaled

say "server pid $SERVER_PID, MariaDB pid $DB_PID, JVM: $JAVA_OPTS"
seed 1 "$SMALL"
sample_ids
say "warm-up, so that the JIT has compiled the request paths (not reported)"
BENCH_USERS=$SMALL BENCH_FILTER=userName phase warmup-filter filter.lua "$(warm 20)"
BENCH_USERS=$SMALL BENCH_FILTER=emails.value phase warmup-filter-emails filter.lua "$(warm 5)"
phase warmup-get get.lua "$(warm 10)"
phase warmup-patch patch.lua "$(warm 10)"
phase warmup-create create.lua "$(warm 10)"
PHASE_TOKEN=$IDP_TOKEN BENCH_FIRST=1 BENCH_LAST=$SMALL phase warmup-idp-link idp_link.lua "$(warm 10)"
say "measuring at $SMALL users"
for attr in userName emails.value externalId; do
  BENCH_USERS=$SMALL BENCH_FILTER=$attr phase "filter_$attr@$SMALL" filter.lua
done
seed $((SMALL + 1)) "$N"
sample_ids
say "measuring at $N users"
phase "create@$N" create.lua
# IdP accounts for seeded users SMALL+1..N (the warm-up used 1..SMALL): each links to its person
decisions_before=$(sql -e "SELECT COUNT(*) FROM match_decision WHERE source_id = $IDP_SOURCE_ID")
persons_before=$(sql -e "SELECT COUNT(*) FROM person")
PHASE_TOKEN=$IDP_TOKEN BENCH_FIRST=$((SMALL + 1)) BENCH_LAST=$N phase "create_idp_link@$N" idp_link.lua
LINKED="not measured"
if [[ -z ${BENCH_ONLY:-} ]] || named_in "$BENCH_ONLY" create_idp_link; then
  LINKED=$(sql -e "SELECT CONCAT(COUNT(*), ' IdP accounts created: ', COUNT(CASE WHEN d.outcome = 'linked' THEN 1 END),
  ' linked to a seeded person (', COUNT(CASE WHEN d.evidence LIKE '%\"worker.id\"%' THEN 1 END), ' by worker id, ',
  COUNT(CASE WHEN d.evidence LIKE '%\"email.exact\"%' THEN 1 END), ' by email + name), ',
  COUNT(CASE WHEN d.outcome <> 'linked' THEN 1 END), ' not linked; persons created meanwhile: ',
  (SELECT COUNT(*) FROM person) - $persons_before)
  FROM (SELECT outcome, evidence FROM match_decision WHERE source_id = $IDP_SOURCE_ID ORDER BY pk LIMIT 100000000 OFFSET $decisions_before) d")
fi
say "$LINKED"
phase "get_by_id@$N" get.lua
phase "patch@$N" patch.lua
for attr in userName emails.value externalId; do
  BENCH_USERS=$N BENCH_FILTER=$attr phase "filter_$attr@$N" filter.lua
done
BENCH_USERS=$N phase "mixed@$N" mixed.lua
RSS=$(awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$SERVER_PID/status")
HWM=$(awk '/^VmHWM/ {print $2 / 1024 " MB"}' "/proc/$SERVER_PID/status")
ACCOUNTS=$(sql -e "SELECT COUNT(*) FROM account")
DELIVERIES=
if (( SUBSCRIPTIONS > 0 )); then
  DELIVERIES=$(sql -e "SELECT CONCAT(COUNT(*), ' delivery rows (', GROUP_CONCAT(DISTINCT status), '), ')
    FROM delivery")$(curl -s "http://127.0.0.1:$RECEIVER_PORT/count")" received by the receiver"
fi

REPORT=$OUT/results-$STAMP.txt
{
echo
echo "Rollcall benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "N=$N seeded users ($ACCOUNTS accounts at the end); database: $([[ -n $EMBEDDED_DIR ]] && echo embedded || echo "shared 127.0.0.1:3306")"
echo "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s or $MAX_REQUESTS requests per phase; $SUBSCRIPTIONS subscriptions; server JVM: $JAVA_OPTS"
column -t "$WORK/results"
echo "create_idp_link: $LINKED"
[[ -z $DELIVERIES ]] || echo "deliveries: $DELIVERIES"
echo "server RSS at the end: $RSS (peak $HWM)"
} | tee "$REPORT"
echo "(kept in $REPORT)" >&2
