-- Shared by the wrk scripts (loaded with dofile from the repository's root, where the scripts run wrk): numbered
-- threads, the start of a form-posting thread, a new id per request, and the optional record of every answer (SCORE_RECORD).
local threads = {}
counter = 0

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

-- A version-4 UUID whose last group holds the thread and a counter, so no two requests share one.
function new_assessment_id()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-a%03x-%04x%08x",
    math.random(0, 0x7fffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), number, counter)
end

-- The start every form-posting thread shares: a random seed of its own, and posts of a form with the given cookie.
function start_posting(cookie)
  math.randomseed(os.time() * 1000 + number)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = cookie
end

-- The highest value of a global across the threads, once they have stopped (for done()).
function highest(name)
  local value = 0
  for _, thread in ipairs(threads) do
    value = math.max(value, thread:get(name) or 0)
  end
  return value
end

function open_record()
  if os.getenv("SCORE_RECORD") then
    record = io.open(os.getenv("SCORE_RECORD") .. "." .. number, "a")
  end
end

function record_response(status, headers, body)
  local location = headers["Location"] or ""
  local saved = location:match("#a%-([%x%-]+)$")
  record:write(status .. " " .. (saved or "-") .. "\n")
  record:flush()
end
