-- A mixed load: 80% reads, 20% writes, drawn at random per request.
--   40% GET /Users/{id} over the sampled seeded ids
--   40% GET /Users?filter=<attr> eq "..." for a random seeded user 1..BENCH_USERS, the attribute
--       cycling through userName, emails.value and externalId
--   15% PATCH replace displayName of a sampled id
--    5% POST /Users of a new, unique HRIS user (as create.lua)
dofile(os.getenv("BENCH_DIR") .. "/lua/common.lua")
dofile(os.getenv("BENCH_DIR") .. "/lua/ids.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
local run = os.getenv("BENCH_RUN") .. "." .. os.getenv("BENCH_PHASE"):gsub("[^%w]", "")
-- wrk.format's headers replace wrk.headers (the token among them), so the writes' headers are a copy
local json = {}
for k, v in pairs(wrk.headers) do
  json[k] = v
end
json["Content-Type"] = "application/scim+json"
local attrs = { "userName", "emails.value", "externalId" }
local ids
local n = 0

function init(args)
  seed_random()
  ids = load_ids()
end

local function filter()
  local i = math.random(users)
  local attr = attrs[n % #attrs + 1]
  local literal = attr == "externalId" and ("ext-" .. i) or ("bench.user" .. i .. "%40example.com")
  return wrk.format("GET", "/scim/v2/Users?filter=" .. attr .. "%20eq%20%22" .. literal .. "%22")
end

local function patch()
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[' ..
    '{"op":"replace","path":"displayName","value":"Mixed ' .. tid .. '.' .. n .. '"}]}'
  return wrk.format("PATCH", "/scim/v2/Users/" .. ids[math.random(#ids)], json, body)
end

local function create()
  local key = string.format("%s.t%d.n%d", run, tid, n)
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",' ..
    '"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User"],"userName":"mixed.' .. key ..
    '@example.com","externalId":"mixed-' .. key .. '","name":{"givenName":"Mixed","familyName":"User ' .. key ..
    '"},"displayName":"Mixed ' .. key .. '","emails":[{"value":"mixed.' .. key ..
    '@example.com","type":"work","primary":true}],"active":true,' ..
    '"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User":{"workerId":"M-' .. key .. '"}}'
  return wrk.format("POST", "/scim/v2/Users", json, body)
end

function request()
  n = n + 1
  local r = math.random(100)
  if r <= 40 then
    return wrk.format("GET", "/scim/v2/Users/" .. ids[math.random(#ids)])
  elseif r <= 80 then
    return filter()
  elseif r <= 95 then
    return patch()
  end
  return create()
end
