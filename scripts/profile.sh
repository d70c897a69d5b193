#!/usr/bin/env bash
# CPU profiles of the app under load, the evidence behind docs/benchmarks.md's explanations: the scoring post
# (16 connections, as in the benchmark) and the advisor's overview (one connection). On the benchmark's
# 1,000,000-assessment dataset, the app built in Release, `dotnet-trace collect-linux --profile cpu-sampling`
# (kernel perf sampling of the app process, managed frames resolved). Writes docs/benchmarks-profile/*.txt: the
# frames with the largest inclusive share of the app's CPU samples. Installs wrk and dotnet-trace when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

PG_PORT=${PG_PORT:-55470}
APP_PORT=${APP_PORT:-5197}
TRACE_VERSION=10.0.750501
TODAY=$(date -u +%F)
OUT=docs/benchmarks-profile
setup_work profile
setup_need wrk
TRACE=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
[ -x "$TRACE" ] || dotnet tool install --global dotnet-trace --version "$TRACE_VERSION" >/dev/null

setup_publish --solution
setup_database "$PG_PORT"
setup_dataset
app_start "$APP_PORT" "$WORK/app.log"
base="http://127.0.0.1:$APP_PORT"
COOKIE=$(setup_cookie "$APP_PORT" advisor1)
RELATIONSHIP=$(setup_relationship "$PG_PORT")

# profile <name> <wrk arguments...>: 20 s of warm-up (so that the JIT has done its work), then 10 s sampled in the
# middle of a 16 s run.
profile() {
  local name=$1; shift
  wrk "$@" -d20s >/dev/null
  wrk "$@" -d16s >"$WORK/$name.wrk" &
  local load=$!
  sleep 3
  "$TRACE" collect-linux -p "$APP_PID" --profile cpu-sampling --duration 00:00:00:10 -o "$WORK/$name.nettrace" >/dev/null
  wait "$load"
  mkdir -p "$OUT"
  {
    echo "# $name: $(awk '/Requests\/sec/ { print $2 }' "$WORK/$name.wrk") requests/s during the trace; $(date -u +%F)"
    echo "# dotnet-trace collect-linux --profile cpu-sampling, then: dotnet-trace report FILE topN -n 400 --inclusive"
    echo "# Inclusive: share of the app process's CPU samples with the frame on the stack. Kernel, libc and"
    echo "# thread-pool plumbing frames are left out of this list (they are in the percentages)."
    "$TRACE" report "$WORK/$name.nettrace" topN -n 400 --inclusive 2>/dev/null \
      | grep -v -E 'vmlinux!|libc\.so|ld-linux|Threading\.|Tasks\.|AsyncMethodBuilder|CompilerServices\.|EventName:|EventData:|Non-Activities|^ *[0-9]+\. +Threads ' \
      | sed -E 's/ +[0-9.]+% *$//; s/^ *[0-9]+\. +//' | awk 'NR <= 80'
  } >"$OUT/$name.txt"
  echo "$name: $(head -1 "$OUT/$name.txt")"
}

TOKEN=$(app_form_token "$base/Relationships/Score/$RELATIONSHIP" "$COOKIE")
export SCORE_COOKIE=$COOKIE
export SCORE_BODY="__RequestVerificationToken=$TOKEN&Input.MeetingDate=$TODAY&Input.Kind=Call&Input.Credibility=7&Input.Reliability=6&Input.Intimacy=5&Input.SelfOrientation=3&Input.Note=Bench+note"
# The overview first: the posts add thousands of assessments to one of its relationships.
profile overview -t1 -c1 -H "Cookie: $COOKIE" "$base/"
profile scoring-post -t2 -c16 -s bench/wrk/score.lua "$base/Relationships/Score/$RELATIONSHIP"
