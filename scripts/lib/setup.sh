# The set-up the measuring scripts share (source this file; it sources postgres.sh and app.sh):
#   setup_work <name>          WORK: a fresh temp folder; at exit every app started is stopped, the PostgreSQL
#                              cluster in $WORK/pg (if any) stopped and the folder removed. A script adds steps of
#                              its own to the exit by defining setup_cleanup_extra.
#   setup_need <command> [package]   installs the Debian package (default: the command's name) when missing
#   setup_publish [--solution]       builds the dataset tool (or, with --solution, everything) in Release and
#                              publishes the app to $WORK/app as APP_DIR
#   setup_database <port>      a throwaway PostgreSQL on <port> (PG_CONNECTION), durable settings, PG_SETTINGS added
#   setup_cookie <port> <person> [jar]   signs <person> of the dataset (advisor1, manager1, ...) in to the app on
#                              <port> (jar: $WORK/<person>.jar) and prints the session's Cookie header
#   setup_relationship <pg-port>     the first active relationship advisor1 owns (the one the scripts score)
#   setup_dataset [options]    loads the benchmark dataset into $PG_CONNECTION (as of $TODAY, default today; the tool's
#                              options, e.g. --assessments 2000) and prints its summary line
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

setup_cleanup_extra() { :; }

setup_work() {
  WORK=$(mktemp -d "/tmp/trustadvisor-$1.XXXXXX")
  # The postgres user, which runs the cluster, needs to reach its folder inside.
  chmod 755 "$WORK"
  export WORK
  trap setup_cleanup EXIT
}

setup_cleanup() {
  setup_cleanup_extra
  app_stop
  pg_stop "$WORK/pg"
  rm -rf "$WORK"
}

setup_need() {
  local command=$1 package=${2:-$1}
  if ! command -v "$command" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$command" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  fi
}

setup_publish() {
  if [ "${1:-}" = "--solution" ]; then
    dotnet build -c Release TrustAdvisor.sln -v q -nologo >/dev/null
  else
    dotnet build -c Release tools/TrustAdvisor.Dataset -v q -nologo >/dev/null
  fi
  dotnet publish -c Release src/TrustAdvisor.Web -o "$WORK/app" -v q -nologo >/dev/null
  APP_DIR="$WORK/app"
  export APP_DIR
}

setup_database() {
  pg_start "$WORK/pg" "$1"
}

setup_dataset() {
  dotnet tools/TrustAdvisor.Dataset/bin/Release/net10.0/TrustAdvisor.Dataset.dll --connection "$PG_CONNECTION" \
    --today "${TODAY:-$(date -u +%F)}" "$@" | tail -1
}

setup_cookie() {
  local port=$1 person=$2 jar=${3:-$WORK/$2.jar}
  app_sign_in "$port" "$person@bench.trustadvisor.test" bench-password-2026 "$jar"
  app_cookie_header "$jar"
}

setup_relationship() {
  pg_psql "$1" -Atc "SELECT r.id FROM relationships r JOIN users u ON u.id = r.owner_id WHERE u.email = 'advisor1@bench.trustadvisor.test' AND r.archived_at IS NULL ORDER BY r.id LIMIT 1"
}
