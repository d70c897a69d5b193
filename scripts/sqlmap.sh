#!/usr/bin/env bash
# sqlmap against the signed-in forms and filters, loopback only (about five minutes): the scoring form, the new
# relationship form, a relationship's address, and the team dashboard's filters. Every parameter is tried with
# sqlmap's boolean, error, union, stacked and time-based payloads for PostgreSQL. Exits non-zero if sqlmap reports
# anything injectable; prints what it tried. The record of the latest run is in docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

PG_PORT=${PG_PORT:-55470}
APP_PORT=${APP_PORT:-5207}
LEVEL=${SQLMAP_LEVEL:-3}
RISK=${SQLMAP_RISK:-2}
setup_work sqlmap
setup_need sqlmap

setup_publish
setup_database "$PG_PORT"
setup_dataset --teams 1 --advisors-per-team 4 --relationships 20 --assessments 200
app_start "$APP_PORT" "$WORK/app.log"
base="http://127.0.0.1:$APP_PORT"

token_of() { app_form_token "$base$2" "$1"; }  # the form at $2 for the session $1
ADVISOR=$(setup_cookie "$APP_PORT" advisor1)
MANAGER=$(setup_cookie "$APP_PORT" manager1)
RELATIONSHIP=$(setup_relationship "$PG_PORT")
ADVISOR_ID=$(pg_psql "$PG_PORT" -Atc "SELECT id FROM users WHERE email = 'advisor1@bench.trustadvisor.test'")
rows_before=$(pg_psql "$PG_PORT" -Atc "SELECT (SELECT count(*) FROM relationships) || ' relationships, ' || (SELECT count(*) FROM assessments) || ' assessments'")

# name | session | address | form (empty for a GET); parameters to try are sqlmap's own choice: all of them.
targets=(
  "scoring form|$ADVISOR|/Relationships/Score/$RELATIONSHIP|__RequestVerificationToken=$(token_of "$ADVISOR" "/Relationships/Score/$RELATIONSHIP")&AssessmentId=$(python3 -c 'import uuid; print(uuid.uuid4())')&Input.MeetingDate=$(date -u +%F)&Input.Kind=Call&Input.Credibility=7&Input.Reliability=6&Input.Intimacy=5&Input.SelfOrientation=3&Input.Note=After+the+review"
  "new relationship form|$ADVISOR|/Relationships/Create|__RequestVerificationToken=$(token_of "$ADVISOR" /Relationships/Create)&RelationshipId=$(python3 -c 'import uuid; print(uuid.uuid4())')&Input.ClientOrganisation=Harbour+Logistics&Input.ContactName=Priya+Shah&Input.ContactRole=CFO&Input.Stage=Establish&Input.NextReviewDate=$(date -u -d '+30 days' +%F)"
  "relationship history address|$ADVISOR|/Relationships/Details/${RELATIONSHIP}*|"
  "team dashboard filters|$MANAGER|/TeamDashboard?Period=Custom&From=$(date -u -d '-90 days' +%F)&To=$(date -u +%F)&By=Week&Advisor=$ADVISOR_ID&Stage=Maintain&Client=Harbour&StaleDays=60&Sort=median&Desc=true|"
  "dashboard export|$MANAGER|/TeamDashboard?handler=Export&table=advisors&Period=Quarter&Client=Harbour&Sort=median|"
)

status=0
printf "| target | requests | result |\n|---|---:|---|\n" >"$WORK/summary.md"
for target in "${targets[@]}"; do
  IFS='|' read -r name session address form <<<"$target"
  out="$WORK/sqlmap-$(echo "$name" | tr ' ' '-')"
  args=(-u "$base$address" --cookie "$session" --batch --level "$LEVEL" --risk "$RISK" --dbms PostgreSQL
    --skip "__RequestVerificationToken" --disable-coloring --output-dir "$out" --flush-session
    --ignore-code 400,404 -v 1)
  if [ -n "$form" ]; then args+=(--data "$form" --method POST); fi
  echo "== $name: sqlmap ${args[*]//$session/<session cookie>}" | sed 's/Cookie: [^ ]*//'
  served_before=$(grep -c 'HTTP ' "$WORK/app.log" || true)
  sqlmap "${args[@]}" >"$out.log" 2>&1 || true
  requests=$(( $(grep -c 'HTTP ' "$WORK/app.log" || true) - served_before ))
  if grep -qiE "is vulnerable|appears to be .*injectable|sqlmap identified the following injection point" "$out.log"; then
    result="INJECTABLE"; status=1; grep -iE "injectable|Parameter:|Type:|Payload:" "$out.log" | head -20
  elif grep -q "all tested parameters do not appear to be injectable" "$out.log"; then
    result="nothing injectable"
  else
    result="did not finish"; status=1; tail -5 "$out.log"
  fi
  echo "$result"
  printf "| %s | %s | %s |\n" "$name" "$requests" "$result" >>"$WORK/summary.md"
done

echo
echo "sqlmap $(sqlmap --version 2>/dev/null | head -1), level $LEVEL, risk $RISK, DBMS PostgreSQL, $(date -u +%F)"
cat "$WORK/summary.md"
echo "Before: $rows_before. After: $(pg_psql "$PG_PORT" -Atc "SELECT (SELECT count(*) FROM relationships) || ' relationships, ' || (SELECT count(*) FROM assessments) || ' assessments'")."
echo "Server errors (5xx) in the app's log: $(grep -cE 'responded 5[0-9][0-9]' "$WORK/app.log" || true)"
if grep -qE 'responded 5[0-9][0-9]' "$WORK/app.log"; then status=1; fi
exit $status
