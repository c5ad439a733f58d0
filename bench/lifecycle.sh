#!/usr/bin/env bash
# Rollcall lifecycle benchmark (not a test): bench/lifecycle.sh [N]   (N persons, default 10000, at most 100000)
#
# Seeds 2N HRIS users with bulk SQL (bench/seed-sql.sh), starts the server with the default hold
# thresholds and ROLLCALL_GRACE_DEFAULT=PT${BENCH_GRACE_SECONDS}S, then (bench/lifecycle.py):
#   1. (the first N users; BENCH_SKIP_DATED=1 skips it) sets one future terminationDate T on each
#      over SCIM Bulk (T = now + BENCH_DATED_MARGIN s, default 30 + N/40); at T all N TERMINATE timers
#      are due at once — reports suspensions/s and the delay from T to each person.suspended
#      committed (p50/p99/max); then the N deprovision timers those suspensions scheduled (due
#      grace after each suspension, so close together) — deprovisions/s and delay from due time;
#   2. (the other N; BENCH_SKIP_HOLD=1 skips 2-4) terminates them over SCIM Bulk (PATCH active=false); past the threshold the
#      burst is held;
#   3. approves the hold: the N-20 held suspensions come due at once (the moment of approval) and are
#      applied in arrival order — reports suspensions/s and the delay from approval start to each
#      person.suspended committed (p50/p99);
#   4. the N deprovision timers those suspensions scheduled come due within the approval's span —
#      reports deprovisions/s fired by the timer scheduler and the delay from each timer's due time to
#      its person.deprovisioned committed (p50/p99).
# Timings are printed, never checked. Each wait is bounded by BENCH_TIMEOUT seconds (default 900).
# At the end the server is stopped and the database dropped.
#
# Environment (all optional): BENCH_PORT (default 18091), BENCH_JAVA_OPTS, BENCH_POOL_SIZE (default 20),
# BENCH_GRACE_SECONDS (default 30), BENCH_TIMEOUT (default 900), BENCH_BULK (ops per Bulk request, default 500),
# BENCH_JAR (another build to measure, e.g. main's for a before/after).
set -euo pipefail

N=${1:-10000}
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${BENCH_JAR:-$ROOT/target/rollcall.jar}
PORT=${BENCH_PORT:-18091}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k}
WORK=$(mktemp -d)
LOG=$WORK/server.log
SERVER_PID=
DB=

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }

(( N >= 100 && N <= 100000 )) || die "N must be from 100 to 100000"
command -v python3 >/dev/null || die "python3 is missing"
command -v mariadb >/dev/null || die "the mariadb client is missing"
mariadb-admin -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1 || die "no MariaDB answers at 127.0.0.1:3306"
# The jar when there is one; else the compiled classes with the runtime classpath Maven resolves
# (offline, from the local repository), so that the benchmark runs without packaging.
if [[ -f $JAR ]]; then
  CP=$JAR
else
  say "no $JAR: running from target/classes"
  (cd "$ROOT" && mvn -B -q -o compile && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
  CP=$ROOT/target/classes:$(cat "$WORK/cp.txt")
fi
rollcall() { java -cp "$CP" dev.rollcall.app.Main "$@"; }

sql_admin() { mariadb -h127.0.0.1 -P3306 -uroot "$@"; }
sql() { sql_admin -N -B "$DB" "$@"; }

cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -n $DB ]] && sql_admin -e "DROP DATABASE IF EXISTS $DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

DB=rollcall_lifebench_$$
sql_admin -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
export ROLLCALL_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" ROLLCALL_DB_USER=root ROLLCALL_DB_PASSWORD=
export ROLLCALL_HTTP_PORT=$PORT ROLLCALL_DB_POOL_SIZE=${BENCH_POOL_SIZE:-20}
export ROLLCALL_MASTER_KEY=${ROLLCALL_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}
export ROLLCALL_GRACE_DEFAULT=PT${BENCH_GRACE_SECONDS:-30}S

# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" dev.rollcall.app.Main serve >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; die "server exited"; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || die "server not ready after 60 s"

TOKEN=$(rollcall sources add bench --kind hris 2>/dev/null | tail -1)
ADMIN=$(rollcall admin-tokens add bench-admin --scope admin:write 2>/dev/null | tail -1)
SOURCE_ID=$(sql -e "SELECT id FROM source WHERE name = 'bench'")
t0=$SECONDS
"$BENCH_DIR/seed-sql.sh" 1 $((2 * N)) "$SOURCE_ID" | sql
sql -e "ANALYZE TABLE person, account, account_facts" >/dev/null
say "seeded $((2 * N)) HRIS users in $((SECONDS - t0)) s; server pid $SERVER_PID, JVM: $JAVA_OPTS"
sql -e "SELECT id FROM account WHERE source_id = $SOURCE_ID ORDER BY pk" >"$WORK/ids"

BENCH_SERVER_PID=$SERVER_PID BENCH_DB_PID=$(pidof mariadbd 2>/dev/null | cut -d' ' -f1 || true) \
BENCH_URL="http://127.0.0.1:$PORT" BENCH_TOKEN=$TOKEN BENCH_ADMIN=$ADMIN BENCH_IDS_FILE=$WORK/ids \
BENCH_SQL="mariadb -h127.0.0.1 -P3306 -uroot -N -B $DB" BENCH_N=$N BENCH_GRACE_SECONDS=${BENCH_GRACE_SECONDS:-30} \
  python3 "$BENCH_DIR/lifecycle.py"
kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$LOG" >&2; die "the server exited during the run"; }
RSS=$(awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$SERVER_PID/status")
echo "server RSS at the end: $RSS; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
