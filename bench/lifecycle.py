#!/usr/bin/env python3
"""Driver of bench/lifecycle.sh (not a test): terminations held, approved, then timers due at once.

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
    patch = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations": [{"op": "replace", "path": "active", "value": False}]}
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


def main():
    ids = [line.strip() for line in open(os.environ["BENCH_IDS_FILE"]) if line.strip()]
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
    print()
    print(f"Rollcall lifecycle benchmark, N={N} HRIS persons; hold approved with {answer['appliedNow']} pushes")
    report("suspend (hold approved)", len(delays), approve_seconds, delays)

    wait_for("SELECT COUNT(*) FROM event WHERE type = 'person.deprovisioned'", N, "deprovisions")
    rows = sql("""SELECT t.due_at, e.created_at FROM timer t JOIN person p ON p.pk = t.person_pk
                  JOIN event e ON e.person_id = p.id AND e.type = 'person.deprovisioned'
                  WHERE t.status = 'fired'""")
    due = [db_time(r[0]) for r in rows]
    done = [db_time(r[1]) for r in rows]
    span = max(done) - min(due) if rows else 0
    report("deprovision (timers due)", len(rows), span, [d - u for u, d in zip(due, done)])
    print(f"timers due over {max(due) - min(due):.1f} s; suspensions/s is held pushes over the approve call's"
          f" wall time, deprovisions/s is timers over first due → last committed")


if __name__ == "__main__":
    main()
