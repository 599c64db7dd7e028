#!/usr/bin/env bash
# The platform benchmark (`make bench`): the Release server on a demo dataset of at least
# 100,000 organisations, driven by wrk over loopback, on SQLite and then on PostgreSQL.
# Each database run measures /healthz first, as the baseline of what this machine can do at
# all in the same minute, then the organisation list, detail, reference search and creation.
# Results are appended to bench/README.md with the machine and the command.
#
#   bash bench/run.sh [--scale N] [--duration SECONDS] [--connections C] [--sqlite-only]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scale=100 duration=10 connections=64 backends=(sqlite postgresql)
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --sqlite-only) backends=(sqlite); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work="$root/build/bench"
mkdir -p "$work"
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
taawun="$root/build/release/taawun"
password="Bench-password-$(date +%s)"
server_pid="" pg_data=""

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$pg_data" ] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_data" -m fast -w stop >/dev/null
  true
}
trap cleanup EXIT

start_postgres() {  # a throwaway cluster of our own on a private port
  local dir="$work/pg"
  rm -rf "$dir"; mkdir -p "$dir"; chown postgres: "$dir"; chmod o+rx "$work"
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$dir/data" -U taawun -A trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  pg_port=$((30000 + $$ % 10000))
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/data" -w -l "$dir/server.log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $dir -c shared_buffers=256MB -c max_connections=100" start >/dev/null
  pg_data="$dir/data"
  runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U taawun -d postgres \
    -qc "CREATE DATABASE bench" >/dev/null
}

start_server() {  # start_server [CONFIG_FILE]: the Release server on $database; sets server_pid and base
  local log="$work/server-$backend.log" options=()
  [ -n "${1:-}" ] && options=(--config "$1")
  "$taawun" serve --database "$database" --listen 127.0.0.1:0 "${options[@]}" >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)
  [ -n "$base" ] || { cat "$log"; exit 1; }
}
stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

# wrk's summary → "req/s p50_ms p99_ms"
measure() {  # measure NAME PATH [LUA_SCRIPT]
  local name=$1 path=$2 script=${3:-} out
  local args=(-t2 -c"$connections" -d"${duration}s" --timeout 5s --latency -H "Authorization: Bearer $token")
  [ -n "$script" ] && args+=(-s "$script")
  out=$(wrk "${args[@]}" "$base$path")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
  local timeouts
  timeouts=$(sed -nE 's/.*timeout ([0-9]+).*/\1/p' <<<"$out")
  [ -n "$timeouts" ] && [ "$timeouts" != 0 ] && errors="${errors:-0} (+$timeouts timeouts)"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$backend_label" "$name" "$rps" "$(ms "$p50")" "$(ms "$p99")" \
    "${errors:-0}" | tee -a "$results"
  sleep 2  # let the server drain what wrk left in flight before the next measurement
}
ms() {  # wrk prints 812.00us, 1.23ms or 1.02s; the table shows milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000;
                         printf "%.2f", n }'
}

results="$work/results.md"
: >"$results"
for backend in "${backends[@]}"; do
  if [ "$backend" = sqlite ]; then
    backend_label=SQLite
    # Generated once and kept pristine; each run works on a copy, so the rows the creation
    # benchmark adds never weigh on the next run's lists.
    pristine="$work/bench-$scale.pristine.db"
    db_file="$work/bench-$scale.db"
    database="sqlite:$db_file"
    if [ ! -f "$pristine.ready" ]; then
      rm -f "$pristine"*
      echo "== generating the demo dataset at scale $scale on SQLite"
      echo "$password" | "$taawun" demo --scale "$scale" --password-stdin --database "sqlite:$pristine" >/dev/null 2>"$work/demo.log" || { cat "$work/demo.log"; exit 1; }
      touch "$pristine.ready"
    fi
    rm -f "$db_file" "$db_file-wal" "$db_file-shm"
    sqlite3 "$pristine" ".backup '$db_file'"
  else
    backend_label=PostgreSQL
    start_postgres
    database="postgresql://taawun@127.0.0.1:$pg_port/bench"
    echo "== generating the demo dataset at scale $scale on PostgreSQL"
    echo "$password" | "$taawun" demo --scale "$scale" --password-stdin --database "$database" >/dev/null 2>"$work/demo.log" || { cat "$work/demo.log"; exit 1; }
  fi
  token=$("$taawun" token create "bench-$(date +%s%N)" --database "$database" 2>/dev/null)
  # The lists with the list cache off first (server.list_cache_bytes = 0), on the data as
  # generated: what each page costs to compute, the baseline of the same run.
  printf '[server]\nlist_cache_bytes = 0\n' >"$work/no-list-cache.toml"
  start_server "$work/no-list-cache.toml"
  total=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/organisations?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
  echo "== $backend_label: $total organisations, server $base"

  cat >"$work/detail.lua" <<EOF
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/organisations/" .. math.random(1, $total))
end
EOF
  cat >"$work/create.lua" <<'EOF'
local threads, counter, id = 0, 0, 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
request = function()
  counter = counter + 1
  local body = string.format(
    '{"kind":"10","name_fr":"Organisme de mesure %d-%d-%d","country":"SN","acronym":"OM"}',
    id, counter, os.time())
  -- Passing headers replaces wrk.headers (and the -H Authorization): merge them.
  local headers = {["Content-Type"] = "application/json"}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", "/api/v1/organisations", headers, body)
end
EOF
  # Many different pages of the list, as many users filtering it would ask: 11 kinds × 10
  # countries × 3 orders, first or second page.
  cat >"$work/pages.lua" <<'LUA'
local kinds = {"10", "11", "15", "21", "22", "23", "30", "40", "70", "71", "80"}
local countries = {"SN", "ML", "CI", "NE", "GN", "BF", "TD", "MR", "CM", "GA"}
local orders = {"name", "-updated_at", "country"}
local paths, next_path = {}, 0
for _, kind in ipairs(kinds) do for _, country in ipairs(countries) do for _, order in ipairs(orders) do
  for _, offset in ipairs({0, 50}) do
    paths[#paths + 1] = string.format("/api/v1/organisations?limit=50&offset=%d&kind=%s&country=%s&sort=%s",
                                      offset, kind, country, order)
  end
end end end
request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
LUA
  measure "list: 50 a page, kind + country, sorted by name (list cache off)" "/api/v1/organisations?limit=50&kind=10&country=SN&sort=name"
  measure "list: 660 different pages, in turn (list cache off)" "" "$work/pages.lua"
  measure "list: text search in 100k, page 3, by -updated_at (list cache off)" "/api/v1/organisations?limit=50&offset=100&q=sante&sort=-updated_at"
  stop_server
  start_server
  measure "/healthz (baseline)" "/healthz"
  measure "list: 50 a page, kind + country, sorted by name" "/api/v1/organisations?limit=50&kind=10&country=SN&sort=name"
  measure "list: 660 different pages (kind × country × order × page), in turn" "" "$work/pages.lua"
  measure "detail (random id)" "" "$work/detail.lua"
  measure "countries search (accents ignored)" "/api/v1/countries?q=cote%20d%27ivoire"
  measure "list: text search in 100k, page 3, by -updated_at" "/api/v1/organisations?limit=50&offset=100&q=sante&sort=-updated_at"
  measure "create (bearer token)" "" "$work/create.lua"
  stop_server
  if [ "$backend" = postgresql ]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_data" -m fast -w stop >/dev/null; pg_data=""
  fi
done

{
  echo
  echo "### $(date -u +%Y-%m-%d) — scale $scale, $connections connections, ${duration} s each"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GiB," \
    "$(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r); shared and noisy, so compare rows of the same run."
  echo "Command: \`bash bench/run.sh --scale $scale --duration $duration --connections $connections\`" \
    "(wrk -t2 -c$connections, Release build, Bearer token)."
  echo
  echo "| database | request | req/s | p50 ms | p99 ms | non-2xx |"
  echo "|---|---|---:|---:|---:|---:|"
  cat "$results"
} >>"$root/bench/README.md"
echo "== results appended to bench/README.md"
