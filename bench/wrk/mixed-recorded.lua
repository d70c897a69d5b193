-- A working day at 32 connections: an advisor reads the home page, the list and a history and scores meetings (a
-- quarter of the requests), while a manager reads the team dashboard. Every answer is recorded as score.lua does
-- with SCORE_RECORD ("<status> <assessment id or ->" in $SCORE_RECORD.<thread>), and done() prints p50/p99.
-- Reads from the environment: SCORE_BODY, SCORE_COOKIE (the advisor), MANAGER_COOKIE, RELATIONSHIPS (the advisor's
-- relationship ids, separated by spaces: each request picks one, so no single history grows without bound).
dofile("bench/wrk/threads.lua")

function init(args)
  math.randomseed(os.time() * 1000 + number)
  advisor = { ["Cookie"] = os.getenv("SCORE_COOKIE") }
  manager = { ["Cookie"] = os.getenv("MANAGER_COOKIE") }
  form = { ["Cookie"] = os.getenv("SCORE_COOKIE"), ["Content-Type"] = "application/x-www-form-urlencoded" }
  body = os.getenv("SCORE_BODY")
  relationships = {}
  for id in string.gmatch(os.getenv("RELATIONSHIPS"), "%S+") do table.insert(relationships, id) end
  open_record()
end

local made = 0

function request()
  made = made + 1
  local step = made % 8
  local relationship = relationships[math.random(#relationships)]
  if step == 0 or step == 4 then
    return wrk.format("POST", "/Relationships/Score/" .. relationship, form, body .. "&AssessmentId=" .. new_assessment_id())
  elseif step == 1 then return wrk.format("GET", "/", advisor)
  elseif step == 2 then return wrk.format("GET", "/Relationships/Details/" .. relationship, advisor)
  elseif step == 3 then return wrk.format("GET", "/TeamDashboard", manager)
  elseif step == 5 then return wrk.format("GET", "/Relationships", advisor)
  elseif step == 6 then return wrk.format("GET", "/", manager)
  else return wrk.format("GET", "/Relationships/Details/" .. relationship, advisor)
  end
end

response = record_response

function done(summary, latency, requests)
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d requests, %d socket errors\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
