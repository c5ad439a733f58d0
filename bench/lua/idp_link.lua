-- POST /scim/v2/Users from the IdP source (kind idp: links only, never creates persons) for seeded
-- HRIS users BENCH_FIRST..BENCH_LAST, each at most once, spread over the range (a fixed stride
-- through it). Every other request matches by worker id (enterprise employeeNumber = the seeded
-- worker id, own IdP email), the others by evidence (same email and name as the HRIS account: email
-- 60 + name 30 points, a definite link). Every request links the new account to an existing person.
dofile(os.getenv("BENCH_DIR") .. "/lua/common.lua")
wrk.headers["Content-Type"] = "application/scim+json"
local first = tonumber(os.getenv("BENCH_FIRST"))
local size = tonumber(os.getenv("BENCH_LAST")) - first + 1
local threads = tonumber(os.getenv("BENCH_THREADS"))
local STRIDE = 999983 -- prime, and prime to any range size that is not a multiple of it
local n = 0

function request()
  n = n + 1
  local k = (n - 1) * threads + (tid - 1) -- 0, 1, 2... over all threads, no two alike
  local i = first + (k * STRIDE) % size
  local worker = string.format("W%07d", i)
  local given, family = "Given" .. i, "Family" .. i
  local body
  if k % 2 == 0 then
    local email = "w" .. string.format("%07d", i) .. "@idp.example.net"
    body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",' ..
      '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"' .. email ..
      '","externalId":"idp-' .. i .. '","name":{"givenName":"' .. given .. '","familyName":"' .. family ..
      '"},"displayName":"' .. given .. ' ' .. family .. '","emails":[{"value":"' .. email ..
      '","type":"work","primary":true}],"active":true,' ..
      '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"' .. worker .. '"}}'
  else
    local email = "bench.user" .. i .. "@example.com"
    body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. email ..
      '","externalId":"idp-' .. i .. '","name":{"givenName":"' .. given .. '","familyName":"' .. family ..
      '"},"displayName":"' .. given .. ' ' .. family .. '","emails":[{"value":"' .. email ..
      '","type":"work","primary":true}],"active":true}'
  end
  return wrk.format("POST", "/scim/v2/Users", nil, body)
end
