# Throwaway PostgreSQL cluster for scripts (source this file). Runs as the postgres user when started as root,
# because the server refuses to run as root. Durable settings (fsync on) unless PG_FAST=1; PG_SETTINGS adds more
# ("-c name=value ...").
#   pg_start <folder> <port>   starts a cluster in <folder>/data; sets PG_CONNECTION for database "trustadvisor"
#   pg_stop <folder>           stops it (immediate) and removes the folder

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$dir" ] && command -v initdb >/dev/null 2>&1; then dir=$(dirname "$(readlink -f "$(command -v initdb)")"); fi
  if [ -z "$dir" ]; then echo "PostgreSQL binaries not found (apt-get install postgresql)." >&2; return 1; fi
  echo "$dir"
}

pg_psql_bin() {
  if [ -x "$(pg_bin)/psql" ]; then echo "$(pg_bin)/psql"; else command -v psql; fi
}

pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local folder=$1 port=$2 bin
  bin=$(pg_bin) || return 1
  mkdir -p "$folder"
  if [ "$(id -u)" = "0" ]; then chown postgres "$folder"; fi
  pg_as_owner "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  local settings="-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB -c work_mem=16MB -c effective_cache_size=4GB -c random_page_cost=1.1"
  if [ "${PG_FAST:-0}" = "1" ]; then settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  settings="$settings ${PG_SETTINGS:-}"
  pg_as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -o "$settings" -w -t 60 start >/dev/null
  pg_as_owner "$(pg_psql_bin)" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE trustadvisor" >/dev/null
  PG_CONNECTION="Host=127.0.0.1;Port=$port;Database=trustadvisor;Username=postgres;Maximum Pool Size=100"
  export PG_CONNECTION
}

pg_psql() {
  local port=$1; shift
  pg_as_owner "$(pg_psql_bin)" -h 127.0.0.1 -p "$port" -U postgres -d trustadvisor "$@"
}

pg_stop() {
  local folder=$1
  if [ -d "$folder/data" ]; then
    pg_as_owner "$(pg_bin)/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
