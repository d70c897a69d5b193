-- Posts the scoring form over and over, as advisors scoring meetings: each request carries a new assessment id
-- (the form's idempotency key), so each one is a new assessment. Reads from the environment:
--   SCORE_BODY   the form's fields, URL-encoded, without AssessmentId (anti-forgery token included)
--   SCORE_COOKIE the signed-in session's Cookie header value
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
end

function request()
  counter = counter + 1
  -- A version-4 UUID whose last group holds the thread and a counter, so no two requests share one.
  local id = string.format("%08x-%04x-4%03x-a%03x-%04x%08x",
    math.random(0, 0x7fffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), number, counter)
  return wrk.format(nil, nil, nil, body .. "&AssessmentId=" .. id)
end
