-- GET /scim/v2/Users?filter=... for a random seeded user 1..BENCH_USERS. BENCH_FILTER picks the
-- attribute: userName, emails.value or externalId (each matches exactly one user).
dofile(os.getenv("BENCH_DIR") .. "/lua/common.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
local attr = os.getenv("BENCH_FILTER")

function init(args)
  seed_random()
end

local function literal(i)
  if attr == "externalId" then
    return "ext-" .. i
  end
  return "bench.user" .. i .. "%40example.com"
end

function request()
  local i = math.random(users)
  return wrk.format("GET", "/scim/v2/Users?filter=" .. attr .. "%20eq%20%22" .. literal(i) .. "%22")
end
