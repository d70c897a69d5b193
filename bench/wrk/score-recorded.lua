-- score.lua, plus a record of every answer: one line per response in $SCORE_RECORD.<thread>, "<status> <assessment id>"
-- for a saved assessment (the redirect names it: .../Details/<relationship>#a-<id>), "<status> -" otherwise.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + number)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = os.getenv("SCORE_COOKIE")
  body = os.getenv("SCORE_BODY")
  record = io.open(os.getenv("SCORE_RECORD") .. "." .. number, "a")
end

function request()
  counter = counter + 1
  local id = string.format("%08x-%04x-4%03x-a%03x-%04x%08x",
    math.random(0, 0x7fffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), number, counter)
  return wrk.format(nil, nil, nil, body .. "&AssessmentId=" .. id)
end

function response(status, headers, body)
  local location = headers["Location"] or ""
  local saved = location:match("#a%-([%x%-]+)$")
  record:write(status .. " " .. (saved or "-") .. "\n")
  record:flush()
end
