-- wrk script: authenticated GET, failing loudly on anything but 200
init = function(args)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("LABFORGE_ADMIN_TOKEN")
end
local failures = 0
response = function(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("unexpected status " .. status .. "\n") end
  end
end
