#!/usr/bin/env bash
# The import's benchmark (issue 30; docs/import.md). On a machine with PostgreSQL binaries: starts a throwaway
# PostgreSQL with the standard firm's people (500 advisors in 25 teams, a few relationships of their own), the app built
# in Release on loopback, and imports through the app, as an administrator, the standard firm's 25,000 relationships
# (a client of three contacts each) and then 100,000 of their past assessments from CSV files: the preview and the
# import timed apart, the app's peak memory read from /proc. The reference is PostgreSQL's own COPY of the same files
# into a table of text columns, in the same run. Then an organisation with 200 contacts against a relationship's page.
# Writes docs/benchmarks-import.md. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
PG_PORT=${PG_PORT:-55460}
APP_PORT=${APP_PORT:-5205}
DURATION=${DURATION:-10}
# The app runs with its managed heap capped: an import that held the file's rows or entities whole would run out of
# memory here, so finishing is the proof that memory is bounded (ADR 20).
HEAP_LIMIT_MB=${HEAP_LIMIT_MB:-160}
TODAY=$(date -u +%F)
RELATIONSHIPS=25000
ASSESSMENTS=100000
setup_work bench-import
setup_need wrk

echo "== build (Release), PostgreSQL and the firm's people"
setup_publish
setup_database "$PG_PORT"
setup_dataset --relationships 500 --assessments 1000

echo "== the files"
python3 - "$WORK" "$RELATIONSHIPS" "$ASSESSMENTS" "$TODAY" <<'PY'
import datetime, sys
work, relationships, assessments, today = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), datetime.date.fromisoformat(sys.argv[4])
stages = ["Meet", "Vet", "Establish", "Maintain"]
with open(f"{work}/relationships.csv", "w", newline="") as f:
    f.write("external_id,organisation,organisation_domain,contact_name,contact_email,contact_role,stage,owner_email,next_review\r\n")
    for i in range(relationships):
        client = i // 3
        # 200 contacts at one client, all advisor1's, for the organisation page.
        organisation, domain, owner = ("Bench Big Client", "bigclient.example", 1) if i < 200 else (f"Bench Client {client}", f"client{client}.example", i % 500 + 1)
        f.write(f"IMP-{i},{organisation},{domain},Contact {i},contact{i}@{domain},CFO,"
                f"{stages[i % 4]},advisor{owner}@bench.trustadvisor.test,{(today + datetime.timedelta(days=30 + i % 90)).isoformat()}\r\n")
with open(f"{work}/assessments.csv", "w", newline="") as f:
    f.write("external_id,meeting_date,meeting_kind,credibility,reliability,intimacy,self_orientation,note\r\n")
    for n in range(assessments):
        i = n % relationships
        f.write(f"IMP-{i},{(today - datetime.timedelta(days=7 + n // relationships * 30)).isoformat()},video,"
                f"{1 + n % 10},{1 + n * 3 % 10},{1 + n * 7 % 10},{1 + n * 5 % 9},\r\n")
PY
ls -l "$WORK"/*.csv | awk '{ print $5, $9 }'

echo "== the app"
export DOTNET_GCHeapHardLimit
DOTNET_GCHeapHardLimit=$(printf '0x%x' $((HEAP_LIMIT_MB * 1024 * 1024)))
app_start "$APP_PORT" "$WORK/app.log"
unset DOTNET_GCHeapHardLimit
base="http://127.0.0.1:$APP_PORT"
app_sign_in "$APP_PORT" admin@bench.trustadvisor.test bench-password-2026 "$WORK/admin.jar"
ADMIN_COOKIE=$(app_cookie_header "$WORK/admin.jar")

# Uploads a file for a preview, then imports it and follows the import job until it is done; prints "preview_seconds import_seconds".
import_file() {
  local kind=$1 file=$2 token page upload t0 t1 t2
  token=$(curl -s -b "$WORK/admin.jar" -c "$WORK/admin.jar" "$base/Import" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  t0=$(date +%s.%N)
  page=$(curl -s -b "$WORK/admin.jar" -c "$WORK/admin.jar" -F "__RequestVerificationToken=$token" -F "Kind=$kind" -F "DateFormat=yyyy-MM-dd" \
    -F "Upload=@$file;type=text/csv" "$base/Import?handler=Preview")
  t1=$(date +%s.%N)
  echo "$page" | grep -o 'data-testid="import-totals">[^<]*' | sed 's/.*>/  preview: /' >&2
  upload=$(echo "$page" | grep -o 'name="UploadId" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  if [ -z "$upload" ]; then echo "The preview of $file offered no import; see $WORK/app.log" >&2; exit 1; fi
  curl -s -o /dev/null -b "$WORK/admin.jar" -c "$WORK/admin.jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "UploadId=$upload" "$base/Import?handler=Import"
  local status="" polls=0
  until echo "$status" | grep -q '"finished":true'; do
    polls=$((polls + 1))
    if [ "$polls" -gt 6000 ]; then echo "The import of $file did not finish in 10 minutes: $status; see $WORK/app.log" >&2; exit 1; fi
    sleep 0.1
    status=$(curl -s -b "$WORK/admin.jar" -c "$WORK/admin.jar" "$base/Import/Progress/$upload?handler=Status")
  done
  t2=$(date +%s.%N)
  echo "  import: $(echo "$status" | grep -o '"text":"[^"]*"')" >&2
  if ! echo "$status" | grep -q '"text":"Imported'; then echo "The import of $file failed; see $WORK/app.log" >&2; exit 1; fi
  echo "$t0 $t1 $t2" | awk '{ printf "%.1f %.1f\n", $2 - $1, $3 - $2 }'
}

peak_at_start=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
echo "== import: $RELATIONSHIPS relationships"
read -r rel_preview rel_import <<<"$(import_file Relationships "$WORK/relationships.csv")"
echo "relationships: preview $rel_preview s, import $rel_import s"
peak_after_relationships=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
echo "== import: $ASSESSMENTS past assessments"
read -r ass_preview ass_import <<<"$(import_file Assessments "$WORK/assessments.csv")"
echo "assessments: preview $ass_preview s, import $ass_import s"
peak_mb=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
imported=$(pg_psql "$PG_PORT" -Atc "SELECT (SELECT count(*) FROM relationships WHERE external_id LIKE 'IMP-%') || ' ' || (SELECT count(*) FROM assessments a JOIN relationships r ON r.id = a.relationship_id WHERE r.external_id LIKE 'IMP-%')")
echo "stored: $imported (relationships, assessments); the app's peak memory $peak_after_relationships MB after the relationships, $peak_mb MB at the end"

echo "== the reference: COPY of the same files"
copy_seconds() {
  local columns=$1 file=$2 t0 t1
  pg_psql "$PG_PORT" -qc "DROP TABLE IF EXISTS copied; CREATE TABLE copied ($columns)" >/dev/null
  chmod 644 "$file"
  t0=$(date +%s.%N)
  pg_psql "$PG_PORT" -qc "COPY copied FROM '$file' (FORMAT csv, HEADER true)" >/dev/null
  t1=$(date +%s.%N)
  echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }'
}
rel_copy=$(copy_seconds "a text, b text, c text, d text, e text, f text, g text, h text, i text" "$WORK/relationships.csv")
ass_copy=$(copy_seconds "a text, b text, c text, d text, e text, f text, g text, h text" "$WORK/assessments.csv")
echo "COPY: relationships $rel_copy s, assessments $ass_copy s"

echo "== an organisation of 200 contacts against a relationship's page"
big=$(pg_psql "$PG_PORT" -Atc "SELECT id FROM organisations WHERE name = 'Bench Big Client'")
one=$(pg_psql "$PG_PORT" -Atc "SELECT id FROM relationships WHERE external_id = 'IMP-0'")
latency() {
  wrk -t1 -c1 -d5s -H "Cookie: $ADMIN_COOKIE" "$1" >/dev/null
  wrk -t1 -c1 -d"${DURATION}s" --latency -H "Cookie: $ADMIN_COOKIE" "$1" | awk '$1 == "50%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}
org_ms=$(latency "$base/Organisations/Details/$big")
rel_ms=$(latency "$base/Relationships/Details/$one")
echo "organisation page p50 $org_ms ms, relationship page p50 $rel_ms ms"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
cat >docs/benchmarks-import.md <<MD
# Import benchmark

Written by \`scripts/bench-import.sh\` on $(date -u +%F) ($(nproc) cores). The standard firm's people; $RELATIONSHIPS
relationships (clients of three contacts, one client of 200) and $ASSESSMENTS of their past assessments imported
through the app by an administrator, from CSV files; the reference is PostgreSQL's COPY of the same files into text
columns, in the same run.

| step | preview | import | target | COPY (reference) | import ÷ COPY |
|---|---|---|---|---|---|
| $RELATIONSHIPS relationships | $rel_preview s | $rel_import s | preview < 10 s, import < 30 s | $rel_copy s | $(ratio "$rel_import" "$rel_copy") |
| $ASSESSMENTS past assessments | $ass_preview s | $ass_import s | | $ass_copy s | $(ratio "$ass_import" "$ass_copy") |

Stored: $imported (relationships, assessments), by the app running with its managed heap capped at $HEAP_LIMIT_MB MB
(\`DOTNET_GCHeapHardLimit\`): an import holding the file's rows or entities whole would have run out of memory. The
process's peak memory (VmHWM, the heap and the runtime's own): $peak_at_start MB started and signed in,
$peak_after_relationships MB after the relationships, $peak_mb MB at the end. The file is read a chunk of 2,000 rows at
a time and each chunk leaves the change tracker once saved (ADR 20), so what remains is the file's bytes, the keys seen,
and the runtime's own heap growth.

| page, p50 of ${DURATION} s sequential | ms | ratio |
|---|---|---|
| an organisation with 200 contacts | $org_ms | $(ratio "$org_ms" "$rel_ms") |
| a relationship's page (reference) | $rel_ms | 1.0 |
MD
echo "== written docs/benchmarks-import.md"
