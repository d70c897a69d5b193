#!/usr/bin/env bash
# Faults and load, loopback only, bounded in time (about four minutes). (1) 60 s of 32 connections mixing reads and
# writes: no 5xx. Then sixteen simulated advisors post assessments continuously while (2) PostgreSQL is stopped for
# 5 seconds and started again, and (3) the app is killed with kill -9 and started again. (4) Two instances behind
# nginx round-robin on one database: signed in through one, signed in on both; posts alternate between them. Every
# response is recorded; afterwards every assessment the app acknowledged (a redirect naming it) must be in the
# database exactly once. (5) The weekly digest run (a firm of 100 managers, each week's digest due now, mail to a real
# SMTP server the script runs) with the app killed by kill -9 in its middle and started again: every digest, and
# every reminder of the same run, must arrive exactly once. Prints a summary and exits non-zero on any loss, any 5xx
# under load, a lost session, or a digest missing or sent twice.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

PG_PORT=${PG_PORT:-55460}
APP_PORT=${APP_PORT:-5197}
SECOND_PORT=$((APP_PORT + 1))
PROXY_PORT=$((APP_PORT + 2))
SMTP_PORT=$((APP_PORT + 3))
DIGEST_PORT=$((APP_PORT + 4))
SMTP_PID=
setup_work resilience
setup_cleanup_extra() {
  if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  if [ -n "$SMTP_PID" ]; then kill "$SMTP_PID" 2>/dev/null || true; fi
}
setup_need wrk
setup_need nginx nginx-light
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null

setup_publish
setup_database "$PG_PORT"
setup_dataset --teams 2 --advisors-per-team 8 --relationships 160 --assessments 2000

app_start "$APP_PORT" "$WORK/app.log"
base="http://127.0.0.1:$APP_PORT"
export SCORE_COOKIE
SCORE_COOKIE=$(setup_cookie "$APP_PORT" advisor1)
RELATIONSHIP=$(setup_relationship "$PG_PORT")
TOKEN=$(app_form_token "$base/Relationships/Score/$RELATIONSHIP" "$SCORE_COOKIE")
export SCORE_BODY="__RequestVerificationToken=$TOKEN&Input.MeetingDate=$(date -u +%F)&Input.Kind=Call&Input.Credibility=7&Input.Reliability=6&Input.Intimacy=5&Input.SelfOrientation=3"
RELATIONSHIPS=$(pg_psql "$PG_PORT" -Atc "SELECT string_agg(r.id::text, ' ') FROM relationships r JOIN users u ON u.id = r.owner_id WHERE u.email = 'advisor1@bench.trustadvisor.test' AND r.archived_at IS NULL")
export RELATIONSHIPS MANAGER_COOKIE
MANAGER_COOKIE=$(setup_cookie "$APP_PORT" manager1)

# Posts for $1 seconds in the background, recording every answer under the name $2.
load() {
  SCORE_RECORD="$WORK/$2.rec" wrk -t2 -c16 -d"$1s" -s bench/wrk/score.lua "$base/Relationships/Score/$RELATIONSHIP" >"$WORK/$2.wrk" 2>&1 &
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

echo "== 1. 60 s of 32 connections: an advisor reading and scoring, a manager reading the dashboard"
SCORE_RECORD="$WORK/sustained.rec" wrk -t2 -c32 -d60s --timeout 10s -s bench/wrk/mixed-recorded.lua "$base" >"$WORK/sustained.wrk" 2>&1
sustained_latency=$(grep '^latency' "$WORK/sustained.wrk")
echo "$sustained_latency"

echo "== 2. PostgreSQL stopped for 5 s under load"
load 20 restart
sleep 6
pg_as_owner "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null
outage=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $SCORE_COOKIE" "$base/Relationships/Score/$RELATIONSHIP")
sleep 5
pg_as_owner "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" -w start >/dev/null
recovered=$(first_success_after)
wait "$LOAD_PID"
echo "during the outage a page answered: $outage s; signed-in pages answered again after ${recovered} s"

echo "== 3. the app killed (kill -9) under load and started again"
load 20 kill
sleep 6
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
app_start "$APP_PORT" "$WORK/app-2.log"
still_signed_in=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $SCORE_COOKIE" "$base/Account/Password")
wait "$LOAD_PID"

echo "== 4. two instances on one database behind nginx, round-robin"
app_start "$SECOND_PORT" "$WORK/app-second.log"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream trustadvisor { server 127.0.0.1:$APP_PORT; server 127.0.0.1:$SECOND_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://trustadvisor;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
"$(command -v nginx || echo /usr/sbin/nginx)" -c "$WORK/nginx.conf" -p "$WORK/nginx"
proxy="http://127.0.0.1:$PROXY_PORT"
# Signing in takes two requests (the form, then the post), so the form comes from one instance and the post goes to
# the other: the anti-forgery token and the cookie must be readable by both.
PROXIED_COOKIE=$(setup_cookie "$PROXY_PORT" advisor2 "$WORK/proxied.jar")
signed_in_first=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $PROXIED_COOKIE" "$base/Account/Password")
signed_in_second=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $PROXIED_COOKIE" "http://127.0.0.1:$SECOND_PORT/Account/Password")
echo "signed in through nginx: the first instance answers $signed_in_first, the second $signed_in_second"
before_first=$(grep -c 'HTTP POST /Relationships/Score' "$WORK/app-2.log" || true)
SCORE_RECORD="$WORK/two-instances.rec" wrk -t2 -c16 -d15s -s bench/wrk/score.lua "$proxy/Relationships/Score/$RELATIONSHIP" >"$WORK/two-instances.wrk" 2>&1
served_first=$(( $(grep -c 'HTTP POST /Relationships/Score' "$WORK/app-2.log" || true) - before_first ))
served_second=$(grep -c 'HTTP POST /Relationships/Score' "$WORK/app-second.log" || true)
echo "posts served: first instance $served_first, second instance $served_second"

echo "== 5. the app killed (kill -9) in the middle of the weekly digest run"
/usr/bin/python3 scripts/lib/smtp_sink.py "$SMTP_PORT" "$WORK/received.tsv" >"$WORK/smtp.log" 2>&1 &
SMTP_PID=$!
DIGEST_DB=${PG_CONNECTION/Database=trustadvisor/Database=trustadvisor_digest}
pg_psql "$PG_PORT" -qc "CREATE DATABASE trustadvisor_digest" >/dev/null
# A year of scores, so that every team has a week to tell.
PG_CONNECTION=$DIGEST_DB setup_dataset --teams 100 --advisors-per-team 3 --relationships 3000 --assessments 60000 --years 1
digest_psql() { pg_psql "$PG_PORT" -d trustadvisor_digest "$@"; }
MANAGERS=$(digest_psql -Atc "SELECT count(*) FROM users WHERE role = 'Manager' AND is_active")
decided() { digest_psql -Atc "SELECT count(*) FROM outbox_messages WHERE kind = '$1'"; }
# Today is the digest day from midnight, so the digests are due as the app starts; mail goes to the script's server.
export Mail__SmtpHost=127.0.0.1 Mail__SmtpPort=$SMTP_PORT Mail__Security=None Mail__PublicUrl="http://127.0.0.1:$DIGEST_PORT/" \
  Mail__DigestDay=$(date -u +%A) Mail__DigestTime=00:00 Mail__ReminderCheckMinutes=1 Mail__DeliveryIntervalSeconds=2
PG_CONNECTION=$DIGEST_DB app_start "$DIGEST_PORT" "$WORK/app-digest.log"
for _ in $(seq 1 600); do [ "$(decided WeeklyDigest)" -ge 5 ] && break; sleep 0.05; done
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
digests_at_kill=$(decided WeeklyDigest)
echo "killed with $digests_at_kill of $MANAGERS digests decided"
PG_CONNECTION=$DIGEST_DB app_start "$DIGEST_PORT" "$WORK/app-digest-2.log"
unset Mail__SmtpHost Mail__SmtpPort Mail__Security Mail__PublicUrl Mail__DigestDay Mail__DigestTime Mail__ReminderCheckMinutes Mail__DeliveryIntervalSeconds
# A message the killed instance had claimed is sent again once its claim lapses (two minutes): wait for all of it.
waiting() { digest_psql -Atc "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'"; }
for _ in $(seq 1 240); do
  if [ "$(decided WeeklyDigest)" = "$MANAGERS" ] && [ "$(waiting)" = "0" ]; then break; fi
  sleep 1
done
received() {  # "<kind> <messages received> <recipients> <most copies of one message>" for each kind of mail
  digest_psql -qAt -F ' ' -c "CREATE TEMP TABLE received (recipient text, message_id text); COPY received FROM STDIN;
    SELECT m.kind, count(*), count(DISTINCT r.recipient), max(copies) FROM outbox_messages m
    JOIN (SELECT recipient, message_id, count(*) OVER (PARTITION BY message_id) AS copies FROM received) r
      ON r.message_id = replace(m.id::text, '-', '') || '@trustadvisor'
    GROUP BY m.kind ORDER BY m.kind" <"$WORK/received.tsv"
}
received >"$WORK/received.summary"
cat "$WORK/received.summary"
digests_received=$(awk '$1 == "WeeklyDigest" { print $2 }' "$WORK/received.summary")
digest_recipients=$(awk '$1 == "WeeklyDigest" { print $3 }' "$WORK/received.summary")
most_copies=$(awk '{ if ($4 > m) m = $4 } END { print m + 0 }' "$WORK/received.summary")
reminders_decided=$(decided Reminder)
reminders_received=$(awk '$1 == "Reminder" { print $2 }' "$WORK/received.summary")

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
    "$(awk '$1 == 503' "$WORK/$name.all" | wc -l)" "$(awk '$1 != 200 && $1 != 302 && $1 != 503' "$WORK/$name.all" | wc -l)" "$stored" "$lost"
  [ "$lost" -eq 0 ]
}

echo
echo "| scenario | responses | acknowledged (302) | 503 | other failures | stored | lost |"
echo "|---|---:|---:|---:|---:|---:|---:|"
ok=0
summary sustained || ok=1
summary restart || ok=1
summary kill || ok=1
summary two-instances || ok=1
echo
sustained_5xx=$(awk '$1 >= 500' "$WORK/sustained.all" | wc -l)
echo "Sustained load: $sustained_latency; responses 5xx: $sustained_5xx."
[ "$sustained_5xx" = "0" ] || ok=1
for f in sustained two-instances; do
  if awk '$1 != 200 && $1 != 302' "$WORK/$f.all" | grep -q .; then echo "$f: answers other than 200/302 (see above)."; ok=1; fi
done
echo "Two instances: signed in through nginx, the session answered $signed_in_first on the first and $signed_in_second on the second; posts served $served_first and $served_second."
[ "$signed_in_first" = "200" ] && [ "$signed_in_second" = "200" ] || ok=1
[ "$served_first" -gt 0 ] && [ "$served_second" -gt 0 ] || ok=1
echo "After the restart of the app, the session from before answered $still_signed_in (200: still signed in)."
duplicates=$(pg_psql "$PG_PORT" -Atc "SELECT count(*) - count(DISTINCT lineage_id) FROM assessments WHERE superseded_at IS NULL")
echo "Current assessments sharing a scored meeting (duplicates): $duplicates"
[ "$duplicates" = "0" ] || ok=1
[ "$still_signed_in" = "200" ] || ok=1
echo "Digest run killed with $digests_at_kill of $MANAGERS digests decided; after the restart the SMTP server received" \
  "${digests_received:-0} digests for ${digest_recipients:-0} managers and ${reminders_received:-0} of $reminders_decided reminders;" \
  "the most copies of one message: $most_copies."
[ "$digests_at_kill" -lt "$MANAGERS" ] || { echo "The run had finished before the kill: not a mid-run kill."; ok=1; }
[ "${digests_received:-0}" = "$MANAGERS" ] && [ "${digest_recipients:-0}" = "$MANAGERS" ] || ok=1
[ "${reminders_received:-0}" = "$reminders_decided" ] || ok=1
[ "$most_copies" = "1" ] || ok=1
exit $ok
