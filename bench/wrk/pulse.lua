-- Answers clients' pulses over and over, as clients would: each request posts the answer form to a link of its own
-- (a link answers once), the threads taking turns down the list. Reads from the environment:
--   PULSE_LINKS   a file of link paths, one per line ("/pulse/<token>"), from the dataset tool's --open-links
--   PULSE_BODY    the form's fields, URL-encoded, without SubmissionId (anti-forgery token included)
--   PULSE_COOKIE  the anti-forgery cookie that goes with the form's token, as a Cookie header's value
--   PULSE_THREADS wrk's -t (default 2)
-- A run starts after the links earlier runs used (the warm-up's), as PULSE_LINKS.used records. When the links run out
-- the requests go to the URL given to wrk, which fails them: give it one that does.
dofile("bench/wrk/threads.lua")

function init(args)
  start_posting(os.getenv("PULSE_COOKIE"))
  body = os.getenv("PULSE_BODY")
  links = {}
  for line in io.lines(os.getenv("PULSE_LINKS")) do
    links[#links + 1] = line
  end
  step = tonumber(os.getenv("PULSE_THREADS") or "2")
  next_link = used_before() + number
end

function used_before()
  local file = io.open(os.getenv("PULSE_LINKS") .. ".used", "r")
  if not file then
    return 0
  end
  local used = tonumber(file:read("*l"))
  file:close()
  return used
end

function done(summary, latency, requests)
  local file = io.open(os.getenv("PULSE_LINKS") .. ".used", "w")
  file:write(highest("next_link") .. "\n")
  file:close()
end

function request()
  local path = links[next_link]
  next_link = next_link + step
  return wrk.format(nil, path, nil, body .. "&SubmissionId=" .. new_assessment_id())
end
