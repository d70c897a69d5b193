#!/usr/bin/env bash
# Faults under load, loopback only, bounded in time (about two minutes). Sixteen simulated advisors post assessments
# continuously while (1) PostgreSQL is stopped for 5 seconds and started again, and (2) the app is killed with
# kill -9 and started again. Every response is recorded; afterwards every assessment the app acknowledged (a
# redirect naming it) must be in the database exactly once. Prints a summary and exits non-zero on any loss.
# Not yet: two instances behind nginx (see issue 6).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source scripts/lib/app.sh

PG_PORT=${PG_PORT:-55460}
APP_PORT=${APP_PORT:-5197}
WORK=$(mktemp -d /tmp/trustadvisor-resilience.XXXXXX)
chmod 755 "$WORK"
cleanup() { app_stop; pg_stop "$WORK/pg"; rm -rf "$WORK"; }
trap cleanup EXIT
if ! command -v wrk >/dev/null 2>&1; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; fi

dotnet build -c Release tools/TrustAdvisor.Dataset -v q -nologo >/dev/null
dotnet publish -c Release src/TrustAdvisor.Web -o "$WORK/app" -v q -nologo >/dev/null
export APP_DIR="$WORK/app"
pg_start "$WORK/pg" "$PG_PORT"
dotnet tools/TrustAdvisor.Dataset/bin/Release/net10.0/TrustAdvisor.Dataset.dll --connection "$PG_CONNECTION" \
  --teams 2 --advisors-per-team 8 --relationships 160 --assessments 2000 --today "$(date -u +%F)" | tail -1

app_start "$APP_PORT" "$WORK/app.log"
base="http://127.0.0.1:$APP_PORT"
app_sign_in "$APP_PORT" advisor1@bench.trustadvisor.test bench-password-2026 "$WORK/advisor.jar"
export SCORE_COOKIE
SCORE_COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$WORK/advisor.jar")
RELATIONSHIP=$(pg_psql "$PG_PORT" -Atc "SELECT r.id FROM relationships r JOIN users u ON u.id = r.owner_id WHERE u.email = 'advisor1@bench.trustadvisor.test' AND r.archived_at IS NULL ORDER BY r.id LIMIT 1")
TOKEN=$(curl -s -H "Cookie: $SCORE_COOKIE" "$base/Relationships/Score/$RELATIONSHIP" \
  | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
TOKEN=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$TOKEN")
export SCORE_BODY="__RequestVerificationToken=$TOKEN&Input.MeetingDate=$(date -u +%F)&Input.Kind=Call&Input.Credibility=7&Input.Reliability=6&Input.Intimacy=5&Input.SelfOrientation=3"

# Posts for $1 seconds in the background, recording every answer under the name $2.
load() {
  SCORE_RECORD="$WORK/$2.rec" wrk -t2 -c16 -d"$1s" -s bench/wrk/score-recorded.lua "$base/Relationships/Score/$RELATIONSHIP" >"$WORK/$2.wrk" 2>&1 &
  LOAD_PID=$!
}

first_success_after() {  # seconds until a signed-in page answers 200 again
  local start=$SECONDS
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $SCORE_COOKIE" "$base/Account/Password")" = "200" ]; do
    sleep 0.2
    if [ $((SECONDS - start)) -gt 60 ]; then echo "never"; return; fi
  done
  echo $((SECONDS - start))
}

echo "== 1. PostgreSQL stopped for 5 s under load"
load 20 restart
sleep 6
pg_as_owner "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null
outage=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $SCORE_COOKIE" "$base/Relationships/Score/$RELATIONSHIP")
sleep 5
pg_as_owner "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" -w start >/dev/null
recovered=$(first_success_after)
wait "$LOAD_PID"
echo "during the outage a page answered: $outage s; signed-in pages answered again after ${recovered} s"

echo "== 2. the app killed (kill -9) under load and started again"
load 20 kill
sleep 6
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
app_start "$APP_PORT" "$WORK/app-2.log"
still_signed_in=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $SCORE_COOKIE" "$base/Account/Password")
wait "$LOAD_PID"

# Every acknowledged assessment must be stored exactly once.
summary() {
  local name=$1 acknowledged stored lost
  cat "$WORK/$name".rec.* >"$WORK/$name.all" 2>/dev/null || true
  awk '$2 != "-" { print $2 }' "$WORK/$name.all" | sort -u >"$WORK/$name.ids"
  acknowledged=$(wc -l <"$WORK/$name.ids")
  pg_psql "$PG_PORT" -qAtc "CREATE TEMP TABLE acked (id uuid); COPY acked FROM STDIN; SELECT count(*) FROM acked a JOIN assessments s ON s.id = a.id AND s.superseded_at IS NULL;" <"$WORK/$name.ids" >"$WORK/$name.stored"
  stored=$(tail -1 "$WORK/$name.stored")
  lost=$((acknowledged - stored))
  printf "| %s | %s | %s | %s | %s | %s | %s |\n" "$name" "$(wc -l <"$WORK/$name.all")" "$acknowledged" \
    "$(awk '$1 == 503' "$WORK/$name.all" | wc -l)" "$(awk '$1 != 302 && $1 != 503' "$WORK/$name.all" | wc -l)" "$stored" "$lost"
  [ "$lost" -eq 0 ]
}

echo
echo "| scenario | responses | acknowledged (302) | 503 | other | stored | lost |"
echo "|---|---:|---:|---:|---:|---:|---:|"
ok=0
summary restart || ok=1
summary kill || ok=1
echo
echo "After the restart of the app, the session from before answered $still_signed_in (200: still signed in)."
duplicates=$(pg_psql "$PG_PORT" -Atc "SELECT count(*) - count(DISTINCT lineage_id) FROM assessments WHERE superseded_at IS NULL")
echo "Current assessments sharing a scored meeting (duplicates): $duplicates"
[ "$duplicates" = "0" ] || ok=1
[ "$still_signed_in" = "200" ] || ok=1
exit $ok
