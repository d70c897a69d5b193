#!/usr/bin/env bash
# Lighthouse (npm, pinned) at its mobile settings, against Debian's Chromium (--chrome-path), on the scoring form
# (signed in as the demo advisor) and the team dashboard (the demo manager). The app is the published Release
# build on the embedded default (SQLite, demo data), on loopback. Writes docs/lighthouse.md and
# docs/lighthouse/<page>.json (the categories' scores; the full reports stay in the temp folder while it runs).
# Targets: accessibility 100, performance 95 or more. Exits non-zero if a target is missed. About two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

LIGHTHOUSE_VERSION=12.8.2 # 13.x needs Node 22; Debian 12 has Node 18/20
APP_PORT=${APP_PORT:-5217}
setup_work lighthouse
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

audit() {  # name, session cookie jar, address
  local name=$1 jar=$2 address=$3 headers
  headers=$(python3 -c 'import json, sys; print(json.dumps({"Cookie": sys.argv[1]}))' "$(app_cookie_header "$jar")")
  "$WORK/lighthouse/node_modules/.bin/lighthouse" "$base$address" --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" \
    --extra-headers="$headers" --only-categories=performance,accessibility,best-practices \
    --output=json --output-path="$WORK/$name.json" --quiet
}
audit scoring-form "$WORK/advisor.jar" "/Relationships/Score/$RELATIONSHIP"
audit team-dashboard "$WORK/manager.jar" "/TeamDashboard"

mkdir -p docs/lighthouse
python3 - "$WORK" "$LIGHTHOUSE_VERSION" "$(/usr/bin/chromium --version)" <<'PY'
import json, sys, datetime
work, version, chromium = sys.argv[1:4]
rows, ok = [], True
for name, title in (("scoring-form", "Scoring form (advisor)"), ("team-dashboard", "Team dashboard (manager)")):
    report = json.load(open(f"{work}/{name}.json"))
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    metrics = {k: report["audits"][k]["displayValue"] for k in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    accessibility = [report["audits"][ref["id"]] for ref in report["categories"]["accessibility"]["auditRefs"]]
    failed = [a["title"] for a in accessibility if a.get("score") is not None and a["score"] < 1]
    json.dump({"scores": scores, "metrics": metrics, "accessibility_failures": failed}, open(f"docs/lighthouse/{name}.json", "w"), indent=2)
    rows.append((title, scores, metrics, failed))
    ok &= scores["accessibility"] == 100 and scores["performance"] >= 95
lines = [
    "# Lighthouse", "",
    "    scripts/lighthouse.sh", "",
    f"Lighthouse {version} at its default mobile settings (emulated phone, simulated slow 4G and CPU throttling), "
    f"against {chromium} headless, on the published Release build with the embedded default (SQLite, demo data) on "
    f"loopback, signed in. Run {datetime.date.today().isoformat()}. Targets: accessibility 100, performance 95 or more.", "",
    "| page | performance | accessibility | best practices | first contentful paint | largest contentful paint | total blocking time | layout shift |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]
for title, s, m, _ in rows:
    lines.append(f"| {title} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {m['first-contentful-paint']} | {m['largest-contentful-paint']} | {m['total-blocking-time']} | {m['cumulative-layout-shift']} |")
for title, _, _, failed in rows:
    if failed:
        lines += ["", f"Accessibility findings on {title}: " + "; ".join(failed)]
lines += ["", "The same pages are checked with axe-core on every test run (`tests/TrustAdvisor.Browser.Tests`)."]
open("docs/lighthouse.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
PY
