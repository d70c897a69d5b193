#!/usr/bin/env bash
# Lighthouse (npm, pinned) at its mobile settings, against Debian's Chromium (--chrome-path), on the scoring form
# (signed in as the demo advisor) and the team dashboard (the demo manager). The app is the published Release
# build on the embedded default (SQLite, demo data), on loopback. Writes docs/lighthouse.md and
# docs/lighthouse/<page>.json (the categories' scores; the full reports stay in the temp folder while it runs).
# Each page is audited three times and the median run kept. Targets: accessibility 100, performance and best practices 95 or more, and the scoring form's first visit (the
# service worker it installs included, scripts/lib/page-weight.sh) 150 KB or less. Exits non-zero if a target is
# missed. About five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
source scripts/lib/page-weight.sh

LIGHTHOUSE_VERSION=12.8.2 # 13.x needs Node 22; Debian 12 has Node 18/20
APP_PORT=${APP_PORT:-5217}
setup_work lighthouse
# KEEP_WORK=DIR keeps the full Lighthouse reports (every audit, the main thread's work) in DIR.
setup_cleanup_extra() {
  if [ -n "${KEEP_WORK:-}" ]; then mkdir -p "$KEEP_WORK"; cp "$WORK"/*.json "$KEEP_WORK"/ 2>/dev/null || true; fi
}
setup_need chromium

npm install --prefix "$WORK/lighthouse" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
dotnet publish -c Release src/TrustAdvisor.Web -o "$WORK/app" -v q -nologo >/dev/null

# The embedded default, as `dotnet run` has it, but published and in Production.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" \
  Database__Provider=Sqlite Database__DemoData=true ConnectionStrings__Sqlite="Data Source=$WORK/trustadvisor.db" \
  bash -c 'cd "$1" && exec dotnet TrustAdvisor.Web.dll' _ "$WORK/app" >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs "http://127.0.0.1:$APP_PORT/health/ready" >/dev/null 2>&1; do sleep 0.5; done
base="http://127.0.0.1:$APP_PORT"

app_sign_in "$APP_PORT" advisor@demo.trustadvisor.test demo-advisor-2026 "$WORK/advisor.jar"
app_sign_in "$APP_PORT" manager@demo.trustadvisor.test demo-manager-2026 "$WORK/manager.jar"
RELATIONSHIP=$(curl -s -H "Cookie: $(app_cookie_header "$WORK/advisor.jar")" "$base/" | grep -o 'href="/Relationships/Score/[^"]*"' | head -1 | sed 's/.*Score\///;s/"$//')

# Each page three times, each a cold first visit; the run with the median performance score is the page's report
# (Lighthouse's own advice: on a loaded two-core machine one run's score moves by several points).
audit() {  # name, session cookie jar, address
  local name=$1 jar=$2 address=$3 headers run
  headers=$(python3 -c 'import json, sys; print(json.dumps({"Cookie": sys.argv[1]}))' "$(app_cookie_header "$jar")")
  for run in 1 2 3; do
    # Now and then Chromium's trace misses the navigation's start (Lighthouse's NO_NAVSTART): that run is made again.
    for attempt in 1 2 3; do
      "$WORK/lighthouse/node_modules/.bin/lighthouse" "$base$address" --chrome-path=/usr/bin/chromium \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" \
        --extra-headers="$headers" --only-categories=performance,accessibility,best-practices \
        --output=json --output-path="$WORK/$name-run$run.json" --quiet || true
      python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["categories"]["performance"]["score"] is None)' "$WORK/$name-run$run.json" 2>/dev/null && break
      echo "$name: run $run gave no performance score (attempt $attempt); running it again"
    done
  done
  python3 - "$WORK" "$name" <<'PY'
import json, shutil, sys
work, name = sys.argv[1:3]
runs = sorted((json.load(open(f"{work}/{name}-run{i}.json"))["categories"]["performance"]["score"], i) for i in (1, 2, 3))
print(f"{name}: performance of the three runs {[round(score * 100) for score, _ in runs]}, the median's report kept")
shutil.copy(f"{work}/{name}-run{runs[1][1]}.json", f"{work}/{name}.json")
PY
}
audit scoring-form "$WORK/advisor.jar" "/Relationships/Score/$RELATIONSHIP"
audit team-dashboard "$WORK/manager.jar" "/TeamDashboard"
read -r FORM_FIRST _ <<<"$(page_weight "$base" "/Relationships/Score/$RELATIONSHIP" "$(app_cookie_header "$WORK/advisor.jar")")"

mkdir -p docs/lighthouse
python3 - "$WORK" "$LIGHTHOUSE_VERSION" "$(/usr/bin/chromium --version)" "$FORM_FIRST" <<'PY'
import json, sys, datetime
work, version, chromium, form_first = sys.argv[1:5]
form_kb = round(int(form_first) / 1024, 1)
rows, ok = [], True
for name, title in (("scoring-form", "Scoring form (advisor)"), ("team-dashboard", "Team dashboard (manager)")):
    report = json.load(open(f"{work}/{name}.json"))
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    metrics = {k: report["audits"][k]["displayValue"] for k in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    accessibility = [report["audits"][ref["id"]] for ref in report["categories"]["accessibility"]["auditRefs"]]
    failed = [a["title"] for a in accessibility if a.get("score") is not None and a["score"] < 1]
    json.dump({"scores": scores, "metrics": metrics, "accessibility_failures": failed}, open(f"docs/lighthouse/{name}.json", "w"), indent=2)
    rows.append((title, scores, metrics, failed))
    ok &= scores["accessibility"] == 100 and scores["performance"] >= 95 and scores["best-practices"] >= 95
ok &= form_kb <= 150
lines = [
    "# Lighthouse", "",
    "    scripts/lighthouse.sh", "",
    f"Lighthouse {version} at its default mobile settings (emulated phone, simulated slow 4G and CPU throttling), "
    f"against {chromium} headless, on the published Release build with the embedded default (SQLite, demo data) on "
    f"loopback, signed in; each page three times (a cold first visit each), the run with the median performance shown. "
    f"Run {datetime.date.today().isoformat()}. Targets: accessibility 100, performance and best practices 95 or more.", "",
    "| page | performance | accessibility | best practices | first contentful paint | largest contentful paint | total blocking time | layout shift |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]
for title, s, m, _ in rows:
    lines.append(f"| {title} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {m['first-contentful-paint']} | {m['largest-contentful-paint']} | {m['total-blocking-time']} | {m['cumulative-layout-shift']} |")
for title, _, _, failed in rows:
    if failed:
        lines += ["", f"Accessibility findings on {title}: " + "; ".join(failed)]
lines += ["", f"The scoring form's first visit, with the service worker it installs (its script, the scripts it imports "
          f"and the shell it keeps) and compressed as sent: {form_kb} KB (target 150 KB or less; `scripts/lib/page-weight.sh`).",
          "", "The same pages are checked with axe-core on every test run (`tests/TrustAdvisor.Browser.Tests`)."]
open("docs/lighthouse.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
PY
