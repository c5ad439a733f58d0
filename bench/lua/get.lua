-- GET /scim/v2/Users/{id} for random ids of seeded users.
dofile(os.getenv("BENCH_DIR") .. "/lua/common.lua")
dofile(os.getenv("BENCH_DIR") .. "/lua/ids.lua")
local ids

function init(args)
  seed_random()
  ids = load_ids()
end

function request()
  return wrk.format("GET", "/scim/v2/Users/" .. ids[math.random(#ids)])
end
