-- The steady load of rolling-restart.sh, through nginx: in turn the public schedule and live document
-- revalidated (If-None-Match), an attendee's agenda, and a bookmark PUT (idempotent: the same again is a 204).
-- Environment: SLUG, SCHEDULE_ETAG, LIVE_ETAG, TOKENS (a file, one token a line), SESSIONS (ids, comma-separated).
-- Prints one line "requests N failed F" (every answer outside 2xx/3xx and every socket error is a failure).
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    tokens = {}
    for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
    sessions = {}
    for session in string.gmatch(os.getenv("SESSIONS"), "[^,]+") do sessions[#sessions + 1] = session end
    event = "/api/events/" .. os.getenv("SLUG")
    n = 0
    refused = 0
end

function request()
    n = n + 1
    local person = (n * 7 + id * 13) % #tokens + 1
    local kind = n % 4
    if kind == 0 then
        return wrk.format("GET", event .. "/schedule", { ["If-None-Match"] = os.getenv("SCHEDULE_ETAG") })
    elseif kind == 1 then
        return wrk.format("GET", event .. "/live", { ["If-None-Match"] = os.getenv("LIVE_ETAG") })
    end
    local auth = { ["Authorization"] = "Bearer " .. tokens[person] }
    if kind == 2 then
        return wrk.format("GET", event .. "/agenda", auth)
    end
    return wrk.format("PUT", event .. "/agenda/sessions/" .. sessions[person % #sessions + 1], auth)
end

function response(status, headers, body)
    if status < 200 or status >= 400 then
        refused = refused + 1
        if refused <= 5 then io.stderr:write("answered " .. status .. ": " .. body:sub(1, 200) .. "\n") end
    end
end

-- A steady load, not a flood: each connection waits this long between requests.
function delay()
    return 20
end

function done(summary, latency, requests)
    local errors = summary.errors
    local sockets = errors.connect + errors.read + errors.write + errors.timeout
    io.write(string.format("requests %d failed %d (answers outside 2xx/3xx %d, socket errors %d)\n",
        summary.requests, errors.status + sockets, errors.status, sockets))
end
