-- Posts the scoring form over and over, as advisors scoring meetings: each request carries a new assessment id
-- (the form's idempotency key), so each one is a new assessment. Reads from the environment:
--   SCORE_BODY    the form's fields, URL-encoded, without AssessmentId (anti-forgery token included)
--   SCORE_COOKIE  the signed-in session's Cookie header value
--   SCORE_RECORD  optional: record every answer, one line per response in SCORE_RECORD.<thread>: "<status> <id>"
--                 for a saved assessment (the redirect names it: .../Details/<relationship>#a-<id>), "<status> -"
--                 otherwise. Left unset for benchmarks: wrk is faster without a response() in Lua.
dofile("bench/wrk/threads.lua")

function init(args)
  start_posting(os.getenv("SCORE_COOKIE"))
  body = os.getenv("SCORE_BODY")
  open_record()
end

function request()
  return wrk.format(nil, nil, nil, body .. "&AssessmentId=" .. new_assessment_id())
end

if os.getenv("SCORE_RECORD") then
  response = record_response
end
