#!/usr/bin/env bash
# Runs every test: the README's test command, and what .ci/run runs. First makes sure the machine has what the
# tests need beyond the .NET SDK: PostgreSQL's server binaries (the web tests start a throwaway cluster), Debian's
# Chromium (the browser tests drive it) and docker-compose (to validate docker-compose.yml; no engine is needed).
# As root it installs what is missing with apt; otherwise it names the packages to install and stops.
# Arguments go to `dotnet test` (e.g. --filter ...). The last lines are the totals of every test project.
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
status=0
dotnet test "$@" 2>&1 | tee "$log" || status=$?

echo
echo "== totals"
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/^(Passed|Failed)! +- (.*), Duration: .* - ([A-Za-z.]+)\.dll.*/\3: \1 (\2)/' || true
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { v = $(i + 1); gsub(/,/, "", v); if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v; if ($i == "Total:") t += v } }
     END { printf "All projects: %d passed, %d failed, %d skipped, %d in total\n", p, f, s, t }' "$log"
exit "$status"
