-- wrk script: every request comes from the next attendee in $TOKENS (one bearer token a line).
-- METHOD (GET or PUT) and TARGET: a path, where {session} is replaced by the next id from $SESSIONS
-- (a comma-separated list), so concurrent PUTs hit many sessions and repeat some (idempotent no-ops).
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
    tokens[#tokens + 1] = line
end
local sessions = {}
for id in string.gmatch(os.getenv("SESSIONS") or "", "[^,]+") do
    sessions[#sessions + 1] = id
end
local method = os.getenv("METHOD") or "GET"
local target = os.getenv("TARGET")

local threads = 0
function setup(thread)
    thread:set("offset", threads)
    threads = threads + 1
end

local counter = 0
function init(args)
    -- Threads start far apart so they do not send the same attendee at the same moment.
    counter = (offset or 0) * 7919
end

function request()
    counter = counter + 1
    local path = target
    if #sessions > 0 then
        path = string.gsub(target, "{session}", sessions[(counter * 31 % #sessions) + 1])
    end
    local headers = { ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] }
    if method == "GET" then
        return wrk.format("GET", path, headers)
    end
    return wrk.format(method, path, headers, "")
end
