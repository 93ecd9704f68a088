-- wrk script for the memory measurement (README, "Memory"): rotates realistic reads (mini-program menus,
-- nearby sites, coverage, a 14-day dashboard) as ADMIN. TOKEN = a login token, TODAY = yyyy-mm-dd.
local token = os.getenv("TOKEN")
local today = os.getenv("TODAY")
local bodies = {
  '{"query":"query($d: Date!){ menu(siteId: \\"5\\", date: $d, slot: LUNCH, forDinerId: \\"1\\") { version items { dish { name tags } price dailyQuota fitsDiet dinerQuote { subsidy dinerPays } } } }","variables":{"d":"' .. today .. '"}}',
  '{"query":"{ nearbySites(lat: 34.62, lng: 112.58, radiusMeters: 5000) { distanceMeters site { name address } } }"}',
  '{"query":"query($d: Date!){ menu(siteId: \\"4\\", date: $d, slot: LUNCH) { version items { dish { name tags } price } } }","variables":{"d":"' .. today .. '"}}',
  '{"query":"{ coverage(regionId: \\"1\\", year: 2025) { asOf rows { region { name } communities coveredCommunities coverage operatingSites builtSites operatingRate } } }"}',
  '{"query":"{ districtDashboard(districtId: \\"1\\", days: 14) { from to days { date mealsServed dinersServed subsidySpent budget coverage } } }"}',
}
local i = 0
request = function()
  i = i + 1
  local b = bodies[(i % #bodies) + 1]
  return wrk.format("POST", "/graphql", {["Content-Type"]="application/json", ["Authorization"]="Bearer " .. token}, b)
end
local errs = 0
response = function(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"') then errs = errs + 1; if errs < 3 then io.stderr:write(body:sub(1,300) .. "\n") end end
end
