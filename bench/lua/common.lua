-- Shared by every workload: the bearer token, a per-thread request budget (so each phase is
-- bounded in count as well as by wrk's -d), and one RESULT line per phase printed by done().
-- Environment: BENCH_TOKEN, BENCH_PHASE, BENCH_BUDGET_PER_THREAD.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Accept"] = "application/scim+json"

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

-- Per thread (each wrk thread has its own Lua state): answers, and answers outside 2xx. wrk's own
-- summary.errors.status counts only statuses above 399, so 1xx/3xx would go unseen there.
local budget = tonumber(os.getenv("BENCH_BUDGET_PER_THREAD") or "100000")
answered = 0
non2xx = 0
function response(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  if answered >= budget then
    wrk.thread:stop()
  end
end

-- Random user numbers in 1..n, different per thread.
function seed_random()
  math.randomseed(os.time() * 100 + (tid or 0))
end

-- One line, key=value, parsed by bench/run.sh. socket_errors: connect, read, write and timeouts.
function done(summary, latency, requests)
  local e = summary.errors
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (tonumber(t:get("non2xx")) or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT %s requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    os.getenv("BENCH_PHASE"), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    bad, e.connect + e.read + e.write + e.timeout))
end
