-- POST /scim/v2/Users with a new, unique user per request (durable: each is one committed transaction).
-- Like an HRIS push it carries a worker id (lifecycle extension); nothing matches it, so resolution
-- looks up the worker id and the email, alias and name keys, finds no candidate and creates a person.
dofile(os.getenv("BENCH_DIR") .. "/lua/common.lua")
wrk.headers["Content-Type"] = "application/scim+json"
-- unique per run and per phase (the warm-up creates users too): "26720.create1000000"
local run = os.getenv("BENCH_RUN") .. "." .. os.getenv("BENCH_PHASE"):gsub("[^%w]", "")
local n = 0

function request()
  n = n + 1
  local key = string.format("%s.t%d.n%d", run, tid, n)
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",' ..
    '"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User"],"userName":"load.' .. key ..
    '@example.com","externalId":"load-' .. key .. '","name":{"givenName":"Load","familyName":"User ' .. key ..
    '"},"displayName":"Load ' .. key .. '","emails":[{"value":"load.' .. key ..
    '@example.com","type":"work","primary":true}],"active":true,' ..
    '"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User":{"workerId":"L-' .. key .. '"}}'
  return wrk.format("POST", "/scim/v2/Users", nil, body)
end
