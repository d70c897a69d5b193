#!/usr/bin/env bash
# First measurement of the trend pages at a real firm's size (issue: trust trends). Starts a throwaway PostgreSQL,
# loads the standard dataset (500 advisors in 25 teams, 25,000 relationships, 1,000,000 assessments over five
# years; override with ASSESSMENTS=100000 etc.), starts the app in Release on loopback, and times the team dashboard
# (a 20-person team, one year) and an advisor's overview with curl: time to first byte on loopback, which is the
# server's time plus well under a millisecond. Prints a Markdown table. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source scripts/lib/app.sh

ASSESSMENTS=${ASSESSMENTS:-1000000}
RELATIONSHIPS=${RELATIONSHIPS:-25000}
REQUESTS=${REQUESTS:-100}
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-5181}
WORK=$(mktemp -d /tmp/trustadvisor-measure.XXXXXX)
chmod 755 "$WORK"

cleanup() { app_stop; pg_stop "$WORK/pg"; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build -c Release tools/TrustAdvisor.Dataset -v q -nologo >/dev/null
dotnet publish -c Release src/TrustAdvisor.Web -o "$WORK/app" -v q -nologo >/dev/null
export APP_DIR="$WORK/app"
pg_start "$WORK/pg" "$PG_PORT"

load_start=$SECONDS
dotnet tools/TrustAdvisor.Dataset/bin/Release/net10.0/TrustAdvisor.Dataset.dll \
  --connection "$PG_CONNECTION" --assessments "$ASSESSMENTS" --relationships "$RELATIONSHIPS" --today "$(date -u +%F)"
load_seconds=$((SECONDS - load_start))

app_start "$APP_PORT" "$WORK/app.log"
app_sign_in "$APP_PORT" manager1@bench.trustadvisor.test bench-password-2026 "$WORK/manager.jar"
app_sign_in "$APP_PORT" advisor1@bench.trustadvisor.test bench-password-2026 "$WORK/advisor.jar"

# time_starttransfer of $REQUESTS sequential requests after 10 warm-up ones; prints "p50 p95 p99 max" in ms.
measure() {
  local jar=$1 url=$2
  for _ in $(seq 1 10); do curl -fs -o /dev/null -b "$jar" "$url"; done
  for _ in $(seq 1 "$REQUESTS"); do curl -fs -o /dev/null -b "$jar" -w "%{time_starttransfer}\n" "$url"; done \
    | sort -n | awk '{ v[NR] = $1 * 1000 } END {
        printf "%.1f %.1f %.1f %.1f", v[int(NR * 0.50 + 0.5)], v[int(NR * 0.95 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR] }'
}

base="http://127.0.0.1:$APP_PORT"
read -r d50 d95 d99 dmax <<<"$(measure "$WORK/manager.jar" "$base/TeamDashboard?period=year")"
read -r q50 q95 q99 qmax <<<"$(measure "$WORK/manager.jar" "$base/TeamDashboard?period=quarter")"
read -r o50 o95 o99 omax <<<"$(measure "$WORK/advisor.jar" "$base/")"
read -r m50 m95 m99 mmax <<<"$(measure "$WORK/manager.jar" "$base/")"
read -r l50 l95 l99 lmax <<<"$(measure "$WORK/manager.jar" "$base/Relationships")"
rows=$(pg_psql "$PG_PORT" -Atc "SELECT count(*) FROM assessments WHERE superseded_at IS NULL")

cat <<TABLE

Measured $(date -u +%F) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), PostgreSQL $(pg_psql "$PG_PORT" -Atc "SHOW server_version"), .NET $(dotnet --version).
Dataset: $rows current assessments, $RELATIONSHIPS relationships, loaded in $load_seconds s. $REQUESTS sequential requests after 10 warm-up ones.

| page | p50 ms | p95 ms | p99 ms | max ms |
|---|---:|---:|---:|---:|
| Team dashboard, 20 advisors, last year | $d50 | $d95 | $d99 | $dmax |
| Team dashboard, 20 advisors, last quarter | $q50 | $q95 | $q99 | $qmax |
| Advisor's overview (50 relationships) | $o50 | $o95 | $o99 | $omax |
| Manager's overview (the team's 1,000 relationships) | $m50 | $m95 | $m99 | $mmax |
| Manager's A to Z relationship list (1,000) | $l50 | $l95 | $l99 | $lmax |
TABLE
