-- wrk script: POST /api/v1/labs with a 10-router, 12-link topology and a unique name per request
-- (lab names are unique per owner, so every request is a real insert).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

local nodes = {}
for i = 1, 10 do
  nodes[#nodes + 1] = string.format('{"name":"r%d","image":"frr","startupConfig":"hostname r%d\\n"}', i, i)
end
local links = {}
-- a ring of 10 plus two chords: 12 links
for i = 1, 10 do
  local j = i % 10 + 1
  links[#links + 1] = string.format('{"endpoints":["r%d:eth1","r%d:eth2"]}', i, j)
end
links[#links + 1] = '{"endpoints":["r1:eth3","r6:eth3"]}'
links[#links + 1] = '{"endpoints":["r3:eth3","r8:eth3"],"mtu":9000}'
local body_tail = '","nodes":[' .. table.concat(nodes, ",") .. '],"links":[' .. table.concat(links, ",") .. ']}'

request = function()
  counter = counter + 1
  local body = '{"name":"bench-' .. run_id .. '-' .. tid .. '-' .. counter .. body_tail
  return wrk.format("POST", "/api/v1/labs", nil, body)
end

init = function(args)
  run_id = args[1] or tostring(os.time())
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("LABFORGE_ADMIN_TOKEN")
end

-- count non-201 answers so a run that fails is not mistaken for a fast one
local failures = 0
response = function(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n") end
  end
end
