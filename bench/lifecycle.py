#!/usr/bin/env python3
"""Driver of bench/lifecycle.sh (not a test): N effective-dated terminations due at once, then N
terminations held, approved, and the deprovision timers of both.

Reads its settings from the environment lifecycle.sh sets. Prints what it measured; checks nothing.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone

URL = os.environ["BENCH_URL"]
TOKEN = os.environ["BENCH_TOKEN"]
ADMIN = os.environ["BENCH_ADMIN"]
N = int(os.environ["BENCH_N"])
SQL = os.environ["BENCH_SQL"].split()
BULK = int(os.environ.get("BENCH_BULK", "500"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "900"))
MARGIN = float(os.environ.get("BENCH_DATED_MARGIN", "0")) or 30 + N / 40
GRACE = float(os.environ.get("BENCH_GRACE_SECONDS", "30"))
LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User"


def say(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def call(method, path, token, body=None, timeout=TIMEOUT):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/scim+json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read() or b"null")


def sql(query):
    out = subprocess.run(SQL + ["-e", query], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def db_time(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=timezone.utc).timestamp()


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")


def report(name, count, seconds, delays):
    rate = count / seconds if seconds > 0 else float("nan")
    print(f"{name:<28} n={count:<7} {rate:10.1f}/s   delay p50={percentile(delays, 50) * 1000:8.1f} ms"
          f"   p99={percentile(delays, 99) * 1000:8.1f} ms   max={max(delays, default=float('nan')) * 1000:8.1f} ms")


def terminate(ids):
    return bulk_patch(ids, {"op": "replace", "path": "active", "value": False})


def bulk_patch(ids, operation):
    patch = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [operation]}
    start = time.time()
    for i in range(0, len(ids), BULK):
        ops = [{"method": "PATCH", "path": "/Users/" + a, "data": patch} for a in ids[i:i + BULK]]
        answer = call("POST", "/scim/v2/Bulk", TOKEN,
                      {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": ops})
        bad = [o for o in answer["Operations"] if not str(o.get("status", "")).startswith("2")]
        if bad:
            raise SystemExit(f"bench: {len(bad)} Bulk operations failed, e.g. {bad[0]}")
    return time.time() - start


def wait_for(query, wanted, what):
    end = time.time() + TIMEOUT
    while True:
        n = int(sql(query)[0][0])
        if n >= wanted:
            return
        if time.time() > end:
            raise SystemExit(f"bench: only {n} of {wanted} {what} after {TIMEOUT:.0f} s")
        time.sleep(0.5)


def cpu_seconds(pid):
    """utime + stime of a process (0 when it is unknown or gone)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def questions():
    """MariaDB's global statement counter (includes other clients of the same server)."""
    return int(sql("SHOW GLOBAL STATUS LIKE 'Questions'")[0][1])


class Usage:
    """CPU of the server and of mariadbd, and MariaDB statements, from now until report()."""

    def __init__(self):
        self.server, self.db = os.environ.get("BENCH_SERVER_PID"), os.environ.get("BENCH_DB_PID")
        self.at = (cpu_seconds(self.server), cpu_seconds(self.db), questions())

    def report(self, name, count):
        server, db, q = cpu_seconds(self.server) - self.at[0], cpu_seconds(self.db) - self.at[1], questions() - self.at[2]
        if count:
            print(f"  ({name}: server CPU {server * 1000 / count:.2f} ms/op, mariadbd CPU {db * 1000 / count:.2f} ms/op,"
                  f" {q / count:.1f} statements/op (global counter: includes other clients))")


def iso(ts):
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def dated(ids):
    """Phase 1: every one of ids gets terminationDate T; at T all their TERMINATE timers are due."""
    due = round(time.time() + MARGIN)
    say(f"setting terminationDate {iso(due)} (in {MARGIN:.0f} s) on {len(ids)} users over SCIM Bulk")
    took = bulk_patch(ids, {"op": "replace", "path": LIFECYCLE + ":terminationDate", "value": iso(due)})
    say(f"dated pushes in {took:.1f} s ({len(ids) / took:.0f}/s)")
    if time.time() >= due:
        raise SystemExit(f"bench: pushing took longer than the {MARGIN:.0f} s margin; set BENCH_DATED_MARGIN")
    holds = call("GET", "/api/v1/holds?status=open", ADMIN)["items"]
    for h in holds:  # a future date is no termination yet, so nothing should trip; approve if it does
        call("POST", f"/api/v1/holds/{h['id']}/approve", ADMIN, body=None)
    pending = int(sql("SELECT COUNT(*) FROM timer WHERE kind = 'terminate' AND status = 'pending'")[0][0])
    say(f"{pending} TERMINATE timers pending, {len(holds)} holds approved; waiting for T")
    time.sleep(max(0.0, due - time.time() - 1))
    usage = Usage()
    wait_for("SELECT COUNT(*) FROM timer WHERE kind = 'terminate' AND status <> 'pending'", len(ids), "TERMINATE timers fired")
    rows = sql("""SELECT e.created_at FROM timer t JOIN person p ON p.pk = t.person_pk
                  JOIN event e ON e.person_id = p.id AND e.type = 'person.suspended'
                  WHERE t.kind = 'terminate' AND t.status = 'fired'""")
    done = [db_time(r[0]) for r in rows]
    print()
    print(f"Rollcall lifecycle benchmark, N={N} HRIS persons per phase, grace {GRACE:.0f} s")
    report("suspend (terminationDate T)", len(done), max(done, default=due) - due, [d - due for d in done])
    usage.report("suspend (terminationDate T)", len(done))
    wait_for("""SELECT COUNT(*) FROM timer t JOIN timer d ON d.person_pk = t.person_pk AND d.kind = 'deprovision'
                WHERE t.kind = 'terminate' AND t.status = 'fired' AND d.status <> 'pending'""", len(done),
             "deprovisions of the dated phase")
    deprovisions("deprovision (dated, grace)", "EXISTS (SELECT 1 FROM timer x WHERE x.person_pk = t.person_pk"
                 " AND x.kind = 'terminate' AND x.status = 'fired')")
    sys.stdout.flush()


def deprovisions(name, which):
    rows = sql(f"""SELECT t.due_at, e.created_at FROM timer t JOIN person p ON p.pk = t.person_pk
                   JOIN event e ON e.person_id = p.id AND e.type = 'person.deprovisioned'
                   WHERE t.kind = 'deprovision' AND t.status = 'fired' AND {which}""")
    due = [db_time(r[0]) for r in rows]
    done = [db_time(r[1]) for r in rows]
    span = max(done) - min(due) if rows else 0
    report(name, len(rows), span, [d - u for u, d in zip(due, done)])
    print(f"  ({name}: timers due over {max(due, default=0) - min(due, default=0):.1f} s; per second is timers"
          f" over first due -> last committed)")


def main():
    all_ids = [line.strip() for line in open(os.environ["BENCH_IDS_FILE"]) if line.strip()]
    dated_ids, ids = all_ids[:N], all_ids[N:]
    if os.environ.get("BENCH_SKIP_DATED") != "1":
        dated(dated_ids)
    if os.environ.get("BENCH_SKIP_HOLD") == "1":
        return
    say(f"terminating {len(ids)} users over SCIM Bulk ({BULK} per request)")
    took = terminate(ids)
    say(f"terminations pushed in {took:.1f} s ({len(ids) / took:.0f}/s)")
    holds = call("GET", "/api/v1/holds?status=open", ADMIN)["items"]
    if len(holds) != 1:
        raise SystemExit(f"bench: expected one open hold, got {len(holds)}")
    hold = holds[0]
    held = hold["counts"]["pending"]
    say(f"hold {hold['id']}: {held} suspensions held ({hold['triggerDetail']}); approving")

    approved_at = time.time()
    answer = call("POST", f"/api/v1/holds/{hold['id']}/approve", ADMIN, body=None)
    approve_seconds = time.time() - approved_at
    rows = sql(f"""SELECT e.created_at FROM hold h JOIN hold_item i ON i.hold_pk = h.pk
                   JOIN person p ON p.pk = i.person_pk
                   JOIN event e ON e.person_id = p.id AND e.type = 'person.suspended'
                   WHERE h.id = '{hold['id']}'""")
    delays = [db_time(r[0]) - approved_at for r in rows]
    print(f"hold approved with {answer['appliedNow']} pushes")
    report("suspend (hold approved)", len(delays), approve_seconds, delays)
    sys.stdout.flush()

    not_dated = "NOT EXISTS (SELECT 1 FROM timer x WHERE x.person_pk = t.person_pk AND x.kind = 'terminate')"
    wait_for(f"SELECT COUNT(*) FROM timer t WHERE t.kind = 'deprovision' AND t.status = 'fired' AND {not_dated}",
             len(ids), "deprovisions of the hold phase")
    deprovisions("deprovision (hold phase)", not_dated)
    print("suspensions/s: dated = persons over T -> last committed; hold = held pushes over the approve call's"
          " wall time (delay from its start)")


if __name__ == "__main__":
    main()
