# Starts the app published in Release (APP_DIR, from `dotnet publish -c Release -o DIR src/TrustAdvisor.Web`) on
# loopback against PG_CONNECTION, from that folder (its content root), and signs people in (source this file).
#   app_start <port> <log>     starts TrustAdvisor.Web (Production, no demo data); waits until it answers;
#                              APP_PID is the last one started (several may run, on different ports)
#   app_stop                   stops every instance started
#   app_sign_in <port> <email> <password> <cookie-jar>
#   app_cookie_header <cookie-jar>            the jar's cookies as a Cookie header's value
#   app_form_token <url> <cookie-header> [jar]   the anti-forgery token of the form at <url>, URL-encoded; with a
#                              cookie jar, the cookies the page sets (the anti-forgery cookie of a visitor) are kept in it

app_start() {
  local port=$1 log=$2
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres Database__DemoData=false Database__MigrateOnStartup=true \
    ConnectionStrings__Postgres="$PG_CONNECTION" \
    bash -c 'cd "$1" && exec dotnet TrustAdvisor.Web.dll' _ "${APP_DIR:?publish the app and set APP_DIR}" >"$log" 2>&1 &
  APP_PID=$!
  APP_PIDS="${APP_PIDS:-} $APP_PID"
  export APP_PID APP_PIDS
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "The app did not start; see $log" >&2
  return 1
}

app_stop() {
  local pid
  for pid in ${APP_PIDS:-} ${APP_PID:-}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  APP_PID=
  APP_PIDS=
}

app_sign_in() {
  local port=$1 email=$2 password=$3 jar=$4 token status
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/SignIn" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  status=$(curl -s -o /dev/null -w "%{http_code}" -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$port/Account/SignIn" \
    --data-urlencode "Email=$email" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token")
  if [ "$status" != "302" ]; then echo "Signing in as $email failed ($status)." >&2; return 1; fi
}

app_cookie_header() {
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}

app_form_token() {
  curl -s -H "Cookie: $2" ${3:+-c "$3"} "$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"$//' | python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip(), safe=""))'
}
