-- wrk: each request redeems a distinct exchange code as the scanner the bench assigned to it.
-- args: OUT_DIR THREADS [warmup]. With "warmup" a thread walks its codes from the last one backwards, so a
-- warm-up run and the measured run that follows it draw different codes. OUT_DIR/bearers.txt has one bearer token per attendee (line i = attendee i);
-- OUT_DIR/codes.tsv has "scanner_index<TAB>code" lines. Threads split the codes between them.
local threads = {}

function setup(thread)
    thread:set("thread_id", #threads)
    table.insert(threads, thread)
end

local bearers, work, counter, backwards = {}, {}, 0, false

function init(args)
    local dir, nthreads = args[1], tonumber(args[2])
    backwards = args[3] == "warmup"
    for line in io.lines(dir .. "/bearers.txt") do
        bearers[#bearers + 1] = "Bearer " .. line
    end
    local i = 0
    for line in io.lines(dir .. "/codes.tsv") do
        if i % nthreads == thread_id then
            local scanner, code = line:match("^(%d+)\t(%S+)$")
            -- Formatted once here, so the load generator spends its CPU on sending, not on building requests.
            work[#work + 1] = wrk.format("POST", nil, { ["Authorization"] = bearers[tonumber(scanner) + 1],
                ["Content-Type"] = "application/json" }, '{"token":"' .. code .. '"}')
        end
        i = i + 1
    end
end

function request()
    counter = counter + 1
    local index = (counter - 1) % #work + 1
    return work[backwards and #work + 1 - index or index]
end
