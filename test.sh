#!/usr/bin/env bash
# Runs every test: the README's test command, and what .ci/run runs. First makes sure the machine has what the
# tests need beyond the .NET SDK: PostgreSQL's server binaries (the web tests start a throwaway cluster), Debian's
# Chromium (the browser tests drive it) and docker-compose (to validate docker-compose.yml; no engine is needed).
# As root it installs what is missing with apt; otherwise it names the packages to install and stops.
# Arguments go to `dotnet test` (e.g. --filter-class '*SignInTests'). The last line is the run's totals:
# `Tests: N passed, N failed, N skipped`.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (see global.json) is required: https://dot.net" >&2
  exit 1
fi

missing=()
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  missing+=(postgresql)
fi
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if ! command -v docker-compose >/dev/null 2>&1; then
  missing+=(docker-compose)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "The tests need: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} with apt (once)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== docker-compose.yml"
POSTGRES_PASSWORD=validation-only docker-compose -f docker-compose.yml config -q

echo "== dotnet test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
args=("$@")
if [ ${#args[@]} -gt 0 ]; then
  # A filter leaves some projects with no test to run, which Microsoft.Testing.Platform reports as exit code 8.
  args+=(--ignore-exit-code 8)
fi
status=0
dotnet test "${args[@]}" 2>&1 | tee "$log" || status=$?

echo
echo "== totals"
# Microsoft.Testing.Platform prints one line per test project and, at the end, the totals of the run.
grep -E '\.Tests\.dll \(net[0-9.]+\|[a-z0-9]+\) (passed|failed|Zero tests ran)' "$log" | sed -E 's#^.*/([A-Za-z.]+)\.dll \([^)]*\) #\1: #' | sort -u || true
awk '/^Test run summary:/ { summary = 1 }
     summary && $1 == "succeeded:" { p = $2 } summary && $1 == "failed:" { f = $2 } summary && $1 == "skipped:" { s = $2 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
