#!/usr/bin/env bash
# Delivery benchmark (not a test): bench/delivery.sh [CHANGES] [RATE]
#
# Builds the jar if missing, creates a fresh database on the MariaDB at 127.0.0.1:3306, starts the
# server (webhooks allowed to 127.0.0.1), registers an HRIS source and an admin token, then runs
# bench/DeliveryBench.java: a loopback receiver that verifies every signature, 10 subscriptions to
# every event type, CHANGES SCIM creates (default 500; each a new person: person.created and
# account.created, so 20 deliveries per change) pushed at about RATE per second (default 200), and a
# bounded wait (BENCH_TIMEOUT s, default 120) for every delivery. Prints signed deliveries/s,
# change-to-delivered latency p50/p99, and the server's and MariaDB's CPU ms per delivery over the
# whole run (the SCIM changes that produced the deliveries included). Stops the server, drops the
# database. Environment: BENCH_PORT (default 18091), BENCH_JAVA_OPTS, BENCH_SUBSCRIPTIONS (default 10),
# BENCH_JAR (another jar), BENCH_REPLAY=N (then replay every delivered delivery N times and measure the dispatcher alone,
# with its own CPU ms per delivery of the server, MariaDB and the receiver; the whole-run figures then count
# both phases' deliveries).
set -euo pipefail

CHANGES=${1:-500}
RATE=${2:-200}
SUBS=${BENCH_SUBSCRIPTIONS:-10}
TIMEOUT=${BENCH_TIMEOUT:-120}
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${BENCH_JAR:-$ROOT/target/rollcall.jar}
PORT=${BENCH_PORT:-18091}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k}
WORK=$(mktemp -d)
LOG=$WORK/server.log
SERVER_PID=
DB=rollcall_dlvbench_$$

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }
sql_admin() { mariadb -h127.0.0.1 -P3306 -uroot "$@"; }

(( CHANGES >= 1 && CHANGES <= 20000 )) || die "CHANGES must be from 1 to 20000"
mariadb-admin -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1 || die "no MariaDB answers at 127.0.0.1:3306"
[[ -f $JAR ]] || { say "building $JAR"; (cd "$ROOT" && mvn -B -q -o package -DskipTests); }

cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  sql_admin -e "DROP DATABASE IF EXISTS $DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

export ROLLCALL_HTTP_PORT=$PORT ROLLCALL_DB_USER=root ROLLCALL_DB_PASSWORD= ROLLCALL_DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB"
export ROLLCALL_MASTER_KEY=${ROLLCALL_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}
export ROLLCALL_WEBHOOK_ALLOWLIST=127.0.0.1/32
sql_admin -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
java -jar "$JAR" migrate >/dev/null 2>&1 || die "migrate failed"
TOKEN=$(java -jar "$JAR" sources add bench --kind hris 2>/dev/null | tail -1)
ADMIN=$(java -jar "$JAR" admin-tokens add bench-admin --scope admin:write 2>/dev/null | tail -1)

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" serve >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; die "server exited"; }
  sleep 0.2
done
# the MariaDB that listens on 3306 (other mariadbd processes, e.g. embedded test ones, are not it)
DB_PID=$(ss -ltnp 2>/dev/null | sed -n 's/.*127.0.0.1:3306 .*pid=\([0-9]*\).*/\1/p' | head -1)
[[ -n $DB_PID ]] || die "cannot find the mariadbd process (its CPU is reported)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)

say "server pid $SERVER_PID, MariaDB pid $DB_PID; $CHANGES changes at ~$RATE/s to $SUBS subscriptions"
S0=$(ticks "$SERVER_PID"); D0=$(ticks "$DB_PID")
set +e
RESULT=$(BENCH_SERVER_PID=$SERVER_PID BENCH_DB_PID=$DB_PID java "$BENCH_DIR/DeliveryBench.java" "http://127.0.0.1:$PORT" "$ADMIN" "$TOKEN" "$CHANGES" "$RATE" "$SUBS" "$TIMEOUT")
STATUS=$?
set -e
S1=$(ticks "$SERVER_PID"); D1=$(ticks "$DB_PID")
DELIVERED=$(sed -n 's/.* delivered=\([0-9]*\).*/\1/p' <<<"$RESULT")
REPLAYED=$(sed -n 's/.* replayed=\([0-9]*\).*/\1/p' <<<"$RESULT")
DELIVERED=$(( ${DELIVERED:-0} + ${REPLAYED:-0} ))
echo "$RESULT" | sed 's/^RESULT //' | tr ' ' '\n' >&2
awk -v s=$((S1 - S0)) -v d=$((D1 - D0)) -v hz="$HZ" -v n="${DELIVERED:-0}" 'BEGIN {
  printf "server_cpu_ms_per_delivery=%.3f\nmariadb_cpu_ms_per_delivery=%.3f\n", n ? s*1000/hz/n : 0, n ? d*1000/hz/n : 0 }' >&2
# where the server's CPU went, per thread (names folded: numbers dropped), for the whole life of the process
say "server CPU by thread (s, whole process life incl. start-up; JIT compiler and GC threads are not in a JFR profile):"
for t in /proc/"$SERVER_PID"/task/*; do
  sed 's/^[0-9]* (\(.*\)) .*/\1/' "$t/stat" | tr -d '0-9' | tr ' ' '_' | tr '\n' ' '; awk '{print $14 + $15}' "$t/stat"
done 2>/dev/null >"$WORK/threads"
awk -v hz="$HZ" '{c[$1] += $2} END {for (k in c) if (c[k] > 0) printf "%8.2f %s\n", c[k]/hz, k}' "$WORK/threads" | sort -rn | head -12 >&2
# the dispatcher's own threads (webhook-*, and the JDK client's HttpClient-* for https), both phases: robust against JIT and SCIM
awk -v hz="$HZ" -v n="${DELIVERED:-0}" '/^(webhook-|HttpClient-)/ {t += $2} END {
  printf "dispatcher_threads_cpu_ms_per_delivery=%.3f\n", n ? t*1000/hz/n : 0 }' "$WORK/threads" >&2
(( STATUS == 0 )) || die "not every delivery arrived within ${TIMEOUT} s (exit $STATUS)"
