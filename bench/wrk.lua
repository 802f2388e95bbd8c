-- The wrk script of bench/web.sh: every response must have the status
-- the page gives when it works (WRK_EXPECT: 200 for a page, 303 for a
-- saved form); any other is counted, and the run fails on it. With
-- WRK_BODY set, each request POSTs that form body (with the cookie given
-- by wrk -H). Prints one line of tab-separated name=value fields.

local expect = tonumber(os.getenv("WRK_EXPECT") or "200")
local body = os.getenv("WRK_BODY")

if body and body ~= "" then
	wrk.method = "POST"
	wrk.body = body
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

-- Per thread (each has its own Lua state); summed in done().
unexpected = 0
first_unexpected = 0

function response(status, headers, body)
	if status ~= expect then
		if unexpected == 0 then
			first_unexpected = status
		end
		unexpected = unexpected + 1
	end
end

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function done(summary, latency, requests)
	local bad, first = 0, 0
	for _, t in ipairs(threads) do
		local n = t:get("unexpected")
		if n > 0 and first == 0 then
			first = t:get("first_unexpected")
		end
		bad = bad + n
	end
	local e = summary.errors
	local s = summary.duration / 1e6
	io.write(string.format("wrk\trequests=%d\tseconds=%.2f\trps=%.0f\t" ..
	    "median_ms=%.2f\tp99_ms=%.2f\tmax_ms=%.2f\tunexpected=%d\t" ..
	    "first_unexpected=%d\tsocket_errors=%d\n", summary.requests, s,
	    summary.requests / s, latency:percentile(50) / 1000,
	    latency:percentile(99) / 1000, latency.max / 1000, bad, first,
	    e.connect + e.read + e.write + e.timeout))
end
