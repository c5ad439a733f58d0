-- PATCH /scim/v2/Users/{id}: replace displayName of random seeded users.
dofile(os.getenv("BENCH_DIR") .. "/lua/common.lua")
dofile(os.getenv("BENCH_DIR") .. "/lua/ids.lua")
wrk.headers["Content-Type"] = "application/scim+json"
local ids
local n = 0

function init(args)
  seed_random()
  ids = load_ids()
end

function request()
  n = n + 1
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[' ..
    '{"op":"replace","path":"displayName","value":"Patched ' .. tid .. '.' .. n .. '"}]}'
  return wrk.format("PATCH", "/scim/v2/Users/" .. ids[math.random(#ids)], nil, body)
end
