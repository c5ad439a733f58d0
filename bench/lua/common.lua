-- Shared by every workload: the bearer token, a per-thread request budget (so each phase is
-- bounded in count as well as by wrk's -d), and one RESULT line per phase printed by done().
-- Environment: BENCH_TOKEN, BENCH_PHASE, BENCH_BUDGET_PER_THREAD.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Accept"] = "application/scim+json"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local budget = tonumber(os.getenv("BENCH_BUDGET_PER_THREAD") or "100000")
local answered = 0
function response(status, headers, body)
  answered = answered + 1
  if answered >= budget then
    wrk.thread:stop()
  end
end

-- Random user numbers in 1..n, different per thread.
function seed_random()
  math.randomseed(os.time() * 100 + (tid or 0))
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %s requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    os.getenv("BENCH_PHASE"), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
