#!/usr/bin/env bash
# The benchmarks, one command (docs/benchmarks.md says what each figure means). On a machine with PostgreSQL
# binaries: starts a throwaway PostgreSQL, loads the standard dataset (500 advisors in 25 teams, 25,000
# relationships, 1,000,000 assessments over five years, the clients' pulses), a 100,000-assessment variant and a firm
# of 300,000 open links for answering pulses, starts the app built in
# Release on loopback and a bench-only reference app beside it, drives both with wrk, and writes
# docs/benchmarks.md, docs/benchmarks.json, docs/benchmarks-explain/ and the README's table of latest figures. Stops
# everything it started.
# It also times one cycle of the app reading 500 advisors' calendars (2,000 events each, served on loopback by the
# bench's console) and the dashboard meanwhile.
# DURATION (seconds per wrk run, default 10) and WARM_UP (seconds before each throughput run, default 10) bound the
# run; the whole takes about 12 minutes. KEEP_WORK=DIR keeps the raw results (wrk outputs, timings) in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/page-weight.sh

DURATION=${DURATION:-10}
WARM_UP=${WARM_UP:-10}
PG_PORT=${PG_PORT:-55450}
APP_PORT=${APP_PORT:-5195}
REF_PORT=${REF_PORT:-5196}
SMALL_PORT=${SMALL_PORT:-5197}
PULSE_PORT=${PULSE_PORT:-5198}
REF_PULSE_PORT=${REF_PULSE_PORT:-5199}
CALENDAR_PORT=${CALENDAR_PORT:-5194}
# The bench's calendar server is on loopback: the one private host the app may read calendars from.
export Calendar__AllowedPrivateHosts__0="127.0.0.1:$CALENDAR_PORT"
# Clients' answers all come from loopback here: the client pages' per-address limit would refuse the benchmark.
export Pulse__RequestsPerMinute=1000000
# The pages in their steady state: a fresh instance would decide every advisor's reminder at once while measured
# (with it on, the pulse instance answered at 0.13 of the raw INSERT instead of 0.34, and the peak RSS went past 300 MB).
# The mail's own cost is the digest step's.
export Mail__ReminderCheckMinutes=0
TODAY=$(date -u +%F)
REF_PID=
REF_PULSE_PID=
setup_work bench
setup_cleanup_extra() {
  if [ -n "${KEEP_WORK:-}" ]; then mkdir -p "$KEEP_WORK"; cp "$WORK"/*.wrk "$WORK"/*.cpu "$WORK"/*.statements "$WORK"/*.json "$WORK"/*.md "$KEEP_WORK"/ 2>/dev/null || true; fi
  local pid
  for pid in $REF_PID $REF_PULSE_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
setup_need wrk

echo "== build (Release)"
setup_publish --solution

echo "== PostgreSQL and the datasets"
# pg_stat_statements: what each scoring post sends to PostgreSQL, and how long each statement takes there.
PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements" setup_database "$PG_PORT"
BIG=$PG_CONNECTION
SMALL=${PG_CONNECTION/Database=trustadvisor/Database=trustadvisor_small}
pg_psql "$PG_PORT" -qc "CREATE DATABASE trustadvisor_small" >/dev/null
load_start=$SECONDS
setup_dataset
load_seconds=$((SECONDS - load_start))
PG_CONNECTION=$SMALL setup_dataset --assessments 100000
# For answering pulses: a link answers once, so a firm of 300,000 relationships, each with an open link; the app
# answers the first 100,000 links, the reference the rest.
PULSES=${PG_CONNECTION/Database=trustadvisor/Database=trustadvisor_pulses}
pg_psql "$PG_PORT" -qc "CREATE DATABASE trustadvisor_pulses" >/dev/null
PG_CONNECTION=$PULSES setup_dataset --teams 1 --relationships 300000 --assessments 300000 --years 1 --open-links "$WORK/links.txt"
head -n 100000 "$WORK/links.txt" >"$WORK/links-app.txt"
tail -n +100001 "$WORK/links.txt" >"$WORK/links-reference.txt"
# Flush what the loads wrote now, rather than in a background checkpoint during the first measurements.
pg_psql "$PG_PORT" -qc "CHECKPOINT" -c "CREATE EXTENSION pg_stat_statements" >/dev/null

# wrk's latency percentile in ms from its --latency output ("50%  12.34ms"), and requests per second.
percentile() { awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$2"; }
rps() { awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$1"; }
failures() { awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$1"; }
# CPU time (ms) spent by processes and their threads, from /proc: the app or the reference, and PostgreSQL's backends.
cpu_ticks() { local t=0 p; for p in "$@"; do if [ -r "/proc/$p/stat" ]; then t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); fi; done; echo "$t"; }
# PostgreSQL's processes with their CPU ticks, "pid ticks" a line; postgres_ticks_since <earlier list> adds up what
# each spent since (a process started since counts from zero; one that exited is lost, never counted negative).
postgres_ticks() { local p; for p in $(pgrep -u postgres -x postgres); do [ -r "/proc/$p/stat" ] && echo "$p $(awk '{ print $14 + $15 }' "/proc/$p/stat")"; done; }
postgres_ticks_since() { { echo "$1"; echo "--"; postgres_ticks; } | awk '$1 == "--" { now = 1; next } !now { t0[$1] = $2; next } { d += $2 - (($1 in t0) ? t0[$1] : 0) } END { print d + 0 }'; }

# Sequential page latency: one connection, so the figure is the server's time per request. The warm-up gives even
# the slowest page the few dozen calls .NET's tiered JIT needs before it optimises its code.
latency_run() {
  local name=$1 url=$2 cookie=$3
  wrk -t1 -c1 -d5s -H "Cookie: $cookie" "$url" >/dev/null
  wrk -t1 -c1 -d"${DURATION}s" --latency -H "Cookie: $cookie" "$url" >"$WORK/$name.wrk"
  if [ "$(failures "$WORK/$name.wrk")" != "0" ]; then echo "$name: failed requests" >&2; cat "$WORK/$name.wrk" >&2; exit 1; fi
  echo "$name: p50 $(percentile 50 "$WORK/$name.wrk") ms, p99 $(percentile 99 "$WORK/$name.wrk") ms"
}

base="http://127.0.0.1:$APP_PORT"
small_base="http://127.0.0.1:$SMALL_PORT"
# Both datasets' dashboards are timed before anything writes (the scoring runs insert ~200,000 rows), so both
# read the tables as loaded and analysed. The app on the small dataset keeps running (idle) until its dashboard has
# also been timed side by side with the big one's.
echo "== the app on 100,000 assessments"
PG_CONNECTION=$SMALL app_start "$SMALL_PORT" "$WORK/app-small.log"
SMALL_PID=$APP_PID
SMALL_MANAGER_COOKIE=$(setup_cookie "$SMALL_PORT" manager1 "$WORK/manager-small.jar")
latency_run dashboard_small "$small_base/TeamDashboard?period=year" "$SMALL_MANAGER_COOKIE"

echo "== the app on 1,000,000 assessments"
PG_CONNECTION=$BIG app_start "$APP_PORT" "$WORK/app.log"
MANAGER_COOKIE=$(setup_cookie "$APP_PORT" manager1)
ADVISOR_COOKIE=$(setup_cookie "$APP_PORT" advisor1)
TEAM=$(pg_psql "$PG_PORT" -Atc "SELECT team_id FROM users WHERE email = 'manager1@bench.trustadvisor.test'")
RELATIONSHIP=$(setup_relationship "$PG_PORT")
FROM=$(date -u -d "$TODAY -1 year +1 day" +%F)

latency_run dashboard "$base/TeamDashboard?period=year" "$MANAGER_COOKIE"
latency_run overview "$base/" "$ADVISOR_COOKIE"
# What any signed-in page costs (pipeline, session check, layout): the floor under both pages.
latency_run baseline "$base/Account/Password" "$ADVISOR_COOKIE"

echo "== the weekly digest run for every manager, and the dashboard while it runs"
dotnet bench/TrustAdvisor.Bench.Sql/bin/Release/net10.0/TrustAdvisor.Bench.Sql.dll --digests $((DURATION + 8)) \
  --connection "$BIG" --today "$TODAY" >"$WORK/digests.json" &
DIGESTS_PID=$!
sleep 2
latency_run dashboard_during_digests "$base/TeamDashboard?period=year" "$MANAGER_COOKIE"
wait "$DIGESTS_PID"
cat "$WORK/digests.json"

echo "== one cycle of the app reading 500 advisors' calendars of 2,000 events each, and the dashboard while it runs"
rm -f "$WORK/calendars.started"
hwm_before=$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")
dotnet bench/TrustAdvisor.Bench.Sql/bin/Release/net10.0/TrustAdvisor.Bench.Sql.dll --calendars 500 --events 2000 \
  --calendar-port "$CALENDAR_PORT" --started-file "$WORK/calendars.started" --connection "$BIG" >"$WORK/calendars.json" &
CALENDARS_PID=$!
for _ in $(seq 1 300); do [ -f "$WORK/calendars.started" ] && break; sleep 0.5; done
latency_run dashboard_during_calendars "$base/TeamDashboard?period=year" "$MANAGER_COOKIE"
wait "$CALENDARS_PID"
printf '{"hwm_before_kb": %s, "hwm_after_kb": %s, "rss_after_kb": %s}\n' "$hwm_before" \
  "$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")" "$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")" >"$WORK/calendars-memory.json"
cat "$WORK/calendars.json" "$WORK/calendars-memory.json"

echo "== the same SQL, straight through Npgsql, alone and side by side with the pages; both dashboards side by side"
rm -rf docs/benchmarks-explain
dotnet bench/TrustAdvisor.Bench.Sql/bin/Release/net10.0/TrustAdvisor.Bench.Sql.dll --connection "$BIG" \
  --manager manager1@bench.trustadvisor.test --advisor advisor1@bench.trustadvisor.test --today "$TODAY" \
  --iterations 50 --explain-dir docs/benchmarks-explain \
  --dashboard-url "$base/TeamDashboard?period=year" --manager-cookie "$MANAGER_COOKIE" \
  --overview-url "$base/" --advisor-cookie "$ADVISOR_COOKIE" \
  --small-dashboard-url "$small_base/TeamDashboard?period=year" --small-manager-cookie "$SMALL_MANAGER_COOKIE" >"$WORK/sql.json"
cat "$WORK/sql.json"
kill "$SMALL_PID"; wait "$SMALL_PID" 2>/dev/null || true

echo "== a relationship's page: 20 assessments against 5,000"
# A relationship's page opens with the newest page of its history: one scored 20 times against one scored 5,000 times
# (a meeting a day, added here for advisor1).
long_history() {
  pg_psql "$PG_PORT" -Atc "
    WITH owner AS (SELECT id, team_id FROM users WHERE email = 'advisor1@bench.trustadvisor.test'),
    o AS (
      INSERT INTO organisations (id, name, normalized_name, domain, is_demo, created_at)
      VALUES (gen_random_uuid(), 'Bench history of $1', 'bench history of $1', NULL, FALSE, now())
      RETURNING id),
    c AS (
      INSERT INTO contacts (id, organisation_id, name, role, email, opted_out_at, created_at)
      SELECT gen_random_uuid(), o.id, 'Alex Contact', NULL, NULL, NULL, now() FROM o
      RETURNING id),
    r AS (
      INSERT INTO relationships (id, owner_id, team_id, contact_id, stage, next_review_date, is_demo, created_at, archived_at, version)
      SELECT x.id, owner.id, owner.team_id, c.id, 'Maintain', DATE '$TODAY' + 30, FALSE, now(), NULL, x.id
      FROM owner, c, (SELECT gen_random_uuid() AS id) x
      RETURNING id, owner_id),
    a AS (
      INSERT INTO assessments (id, relationship_id, author_id, lineage_id, revision, meeting_date, meeting_kind, credibility, reliability, intimacy,
                               self_orientation, trust, note, note_is_private, note_author_id, recorded_at, correction_reason, superseded_at)
      SELECT f.id, r.id, r.owner_id, f.id, 1, DATE '$TODAY' - ($1 - g), 'Call', f.c, f.r, f.i, f.s, round((f.c + f.r + f.i)::numeric / f.s, 2)::double precision,
             'Bench meeting ' || g, FALSE, r.owner_id, now(), NULL, NULL
      FROM r, generate_series(1, $1) g,
           LATERAL (SELECT gen_random_uuid() AS id, 1 + g % 10 AS c, 1 + (g * 3) % 10 AS r, 1 + (g * 7) % 10 AS i, 1 + (g * 5) % 9 AS s) f
      RETURNING 1)
    SELECT r.id FROM r, (SELECT count(*) FROM a) n"
}
HISTORY_20=$(long_history 20)
HISTORY_5000=$(long_history 5000)
pg_psql "$PG_PORT" -qc "ANALYZE assessments" >/dev/null
latency_run history_20 "$base/Relationships/Details/$HISTORY_20" "$ADVISOR_COOKIE"
latency_run history_5000 "$base/Relationships/Details/$HISTORY_5000" "$ADVISOR_COOKIE"

echo "== page weight"
read -r form_first form_repeat <<<"$(page_weight "$base" "/Relationships/Score/$RELATIONSHIP" "$ADVISOR_COOKIE")"
read -r dash_first dash_repeat <<<"$(page_weight "$base" "/TeamDashboard?period=year" "$MANAGER_COOKIE")"
echo "scoring form: $form_first B first visit, $form_repeat B repeat; dashboard: $dash_first B, $dash_repeat B"

echo "== the reference app: a raw INSERT, and the dashboard computed in memory"
(cd bench/TrustAdvisor.Bench.Reference/bin/Release/net10.0 && \
  ASPNETCORE_URLS="http://127.0.0.1:$REF_PORT" ConnectionStrings__Postgres="$BIG" exec dotnet TrustAdvisor.Bench.Reference.dll) >"$WORK/ref.log" 2>&1 &
REF_PID=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$REF_PORT/naive-dashboard?team=$TEAM&from=$FROM&to=$TODAY&today=$TODAY" && break; sleep 0.5; done
latency_run naive "http://127.0.0.1:$REF_PORT/naive-dashboard?team=$TEAM&from=$FROM&to=$TODAY&today=$TODAY" ""

echo "== scoring an assessment, 16 connections"
TOKEN=$(app_form_token "$base/Relationships/Score/$RELATIONSHIP" "$ADVISOR_COOKIE")
# AuthorId is for the reference, which has no session to take the author from; the app ignores it.
ADVISOR_ID=$(pg_psql "$PG_PORT" -Atc "SELECT id FROM users WHERE email = 'advisor1@bench.trustadvisor.test'")
export SCORE_BODY="__RequestVerificationToken=$TOKEN&Input.MeetingDate=$TODAY&Input.Kind=Call&Input.Credibility=7&Input.Reliability=6&Input.Intimacy=5&Input.SelfOrientation=3&Input.Note=Bench+note&AuthorId=$ADVISOR_ID"
count() { pg_psql "$PG_PORT" -Atc "SELECT count(*) FROM assessments WHERE relationship_id = '$RELATIONSHIP'"; }
# 16 connections; also the CPU the serving process ($4) and PostgreSQL spent per request, into $WORK/$name.cpu.
# The warm-up is long enough for .NET's tiered JIT to settle on the app's much longer request path.
throughput_run() {
  local name=$1 url=$2 lua=$3 pid=$4 app0 pg0 app1 pg
  export SCORE_COOKIE=${SCORE_COOKIE:-}
  wrk -t2 -c16 -d"${WARM_UP}s" ${lua:+-s "$lua"} ${PLAIN_COOKIE:+-H "Cookie: $PLAIN_COOKIE"} "$url" >/dev/null
  pg_psql "$PG_PORT" -qAtc "SELECT pg_stat_statements_reset()" >/dev/null
  app0=$(cpu_ticks "$pid"); pg0=$(postgres_ticks)
  wrk -t2 -c16 -d"${DURATION}s" --latency ${lua:+-s "$lua"} ${PLAIN_COOKIE:+-H "Cookie: $PLAIN_COOKIE"} "$url" >"$WORK/$name.wrk"
  app1=$(cpu_ticks "$pid"); pg=$(postgres_ticks_since "$pg0")
  pg_psql "$PG_PORT" -qAt -F $'\t' -c "SELECT calls, round((total_exec_time / calls)::numeric, 3), regexp_replace(query, '\s+', ' ', 'g') FROM pg_stat_statements WHERE calls > 100 ORDER BY calls DESC, total_exec_time DESC" >"$WORK/$name.statements"
  if [ "$(failures "$WORK/$name.wrk")" != "0" ]; then echo "$name: failed requests" >&2; cat "$WORK/$name.wrk" >&2; exit 1; fi
  local requests; requests=$(awk '/requests in/ { print $1 }' "$WORK/$name.wrk")
  python3 -c "import sys; t = 1000 / $(getconf CLK_TCK); print(round(($app1 - $app0) * t / $requests, 3), round($pg * t / $requests, 3))" >"$WORK/$name.cpu"
  echo "$name: $(rps "$WORK/$name.wrk") requests/s, p50 $(percentile 50 "$WORK/$name.wrk") ms, p99 $(percentile 99 "$WORK/$name.wrk") ms; CPU per request (process, PostgreSQL): $(cat "$WORK/$name.cpu") ms"
}
submit_run() {
  local name=$1 url=$2 pid=$4 before
  export SCORE_COOKIE=$3
  before=$(count)
  throughput_run "$name" "$url" bench/wrk/score.lua "$pid"
  echo "$name: $(( $(count) - before )) rows stored"
}
submit_run submit "$base/Relationships/Score/$RELATIONSHIP" "$ADVISOR_COOKIE" "$APP_PID"
# The same post with one commitment noted (issue 32): the promise is stored with the score, in the same SaveChanges.
SCORE_BODY="$SCORE_BODY&Input.Commitments%5B0%5D.Promise=Send+the+minutes&Input.Commitments%5B0%5D.DueOn=$TODAY" \
  submit_run submit_commitment "$base/Relationships/Score/$RELATIONSHIP" "$ADVISOR_COOKIE" "$APP_PID"
submit_run reference "http://127.0.0.1:$REF_PORT/assessments/$RELATIONSHIP" "" "$REF_PID"
echo "== what a request costs, step by step (16 connections)"
PLAIN_COOKIE="" throughput_run step_anonymous "$base/health/live" "" "$APP_PID"
PLAIN_COOKIE="$ADVISOR_COOKIE" throughput_run step_session "$base/health/live" "" "$APP_PID"
PLAIN_COOKIE="$ADVISOR_COOKIE" throughput_run step_form "$base/Relationships/Score/$RELATIONSHIP" "" "$APP_PID"
PEAK_RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")

echo "== a client answering a pulse, 16 connections (300,000 open links)"
PG_CONNECTION=$PULSES app_start "$PULSE_PORT" "$WORK/app-pulses.log"
PULSE_PID=$APP_PID
(cd bench/TrustAdvisor.Bench.Reference/bin/Release/net10.0 && \
  ASPNETCORE_URLS="http://127.0.0.1:$REF_PULSE_PORT" ConnectionStrings__Postgres="$PULSES" exec dotnet TrustAdvisor.Bench.Reference.dll) >"$WORK/ref-pulses.log" 2>&1 &
REF_PULSE_PID=$!
# The client has no account: the form's token goes with the anti-forgery cookie its page sets, for any link.
PULSE_TOKEN=$(app_form_token "http://127.0.0.1:$PULSE_PORT$(head -1 "$WORK/links-app.txt")" "" "$WORK/client.jar")
export PULSE_COOKIE; PULSE_COOKIE=$(app_cookie_header "$WORK/client.jar")
export PULSE_BODY="__RequestVerificationToken=$PULSE_TOKEN&Input.Credibility=7&Input.Reliability=6&Input.Intimacy=5&Input.InterestsFirst=8&Input.Comment=Bench+comment"
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$REF_PULSE_PORT/" && break; sleep 0.5; done
answered() { pg_psql "$PG_PORT" -d trustadvisor_pulses -Atc "SELECT count(*) FROM pulses WHERE status = 'Answered' AND comment = 'Bench comment'"; }
before=$(answered)
# This instance has served nothing yet: three warm-ups' time for the JIT to settle on the client's post (a shorter
# one measured it at less than half its steady rate). The reference's request is small, and its links fewer.
PULSE_LINKS="$WORK/links-app.txt" WARM_UP=$((WARM_UP * 3)) throughput_run pulse "http://127.0.0.1:$PULSE_PORT/pulse/the-links-ran-out" bench/wrk/pulse.lua "$PULSE_PID"
echo "pulse: $(( $(answered) - before )) answers stored"
PULSE_LINKS="$WORK/links-reference.txt" throughput_run pulse_reference "http://127.0.0.1:$REF_PULSE_PORT/pulse/the-links-ran-out" bench/wrk/pulse.lua "$REF_PULSE_PID"
app_stop

echo "== micro-benchmarks (BenchmarkDotNet)"
dotnet bench/TrustAdvisor.Bench.Micro/bin/Release/net10.0/TrustAdvisor.Bench.Micro.dll --artifacts "$WORK/bdn" >"$WORK/bdn.log" 2>&1
cp "$WORK"/bdn/results/*-report-github.md "$WORK/micro.md"

WARM_UP=$WARM_UP python3 scripts/lib/bench_report.py "$WORK" "$TODAY" "$load_seconds" "$DURATION" \
  "$form_first" "$form_repeat" "$dash_first" "$dash_repeat" "$PEAK_RSS_KB" \
  "$(nproc)" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
  "$(pg_psql "$PG_PORT" -Atc 'SHOW server_version')" "$(dotnet --version)" "$(wrk -v 2>&1 | head -1)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== wrote docs/benchmarks.md, docs/benchmarks.json and the README's figures"
