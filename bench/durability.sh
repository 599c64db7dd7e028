#!/usr/bin/env bash
# What a durable commit costs (ADR 0010): the Release server on SQLite creating organisations and
# moving nominations, with `database.sqlite_synchronous` = full (the default: the log is synced at
# every commit) and = normal (synced at checkpoints), alternated twice in the same run so that
# the machine's noise falls on both. Results are appended to bench/README.md.
#
#   bash bench/durability.sh [--duration SECONDS] [--connections C]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration=10 connections=8
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work="$root/build/bench/durability"
mkdir -p "$work"
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
taawun="$root/build/release/taawun"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; true; }
trap cleanup EXIT

pristine="$work/pristine.db"
if [ ! -f "$pristine.ready" ]; then
  rm -f "$pristine"*
  echo "Bench-password-$(date +%s)" | "$taawun" demo --scale 1 --password-stdin --database "sqlite:$pristine" \
    >/dev/null 2>"$work/demo.log" || { cat "$work/demo.log"; exit 1; }
  touch "$pristine.ready"
fi

cat >"$work/create.lua" <<'LUA'
local threads, counter, id = 0, 0, 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
request = function()
  counter = counter + 1
  local body = string.format('{"kind":"10","name_fr":"Organisme durable %d-%d-%d","country":"SN"}', id, counter, os.time())
  local headers = {["Content-Type"] = "application/json"}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return wrk.format("POST", "/api/v1/organisations", headers, body)
end
LUA

results="$work/results.md"
: >"$results"
for round in 1 2; do
  for mode in full normal; do
    db="$work/run.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$pristine" "$db"
    token=$("$taawun" token create "bench-$(date +%s%N)" --database "sqlite:$db" 2>/dev/null)
    printf '[database]\nsqlite_synchronous = "%s"\n' "$mode" >"$work/$mode.toml"
    log="$work/server-$mode.log"
    "$taawun" serve --database "sqlite:$db" --listen 127.0.0.1:0 --config "$work/$mode.toml" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s --latency -H "Authorization: Bearer $token" \
      -s "$work/create.lua" "$base/api/v1/organisations")
    rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
    printf '| %s | %s | create an organisation (one transaction with its audit entry) | %s | %s | %s | %s |\n' \
      "$round" "$mode" "$rps" "$p50" "$p99" "${errors:-0}" | tee -a "$results"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    sleep 1
  done
done

{
  echo
  echo "### $(date -u +%Y-%m-%d) — what a durable commit costs (SQLite synchronous FULL against NORMAL)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GiB," \
    "$(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r), disk $(df -h "$work" | awk 'NR==2 {print $1}'); shared and noisy, so compare rows of the same run."
  echo "Command: \`bash bench/durability.sh --duration $duration --connections $connections\`" \
    "(wrk -t2 -c$connections, Release build, demo scale 1, Bearer token; the two settings alternated twice)."
  echo
  echo "| round | sqlite_synchronous | request | req/s | p50 | p99 | non-2xx |"
  echo "|---:|---|---|---:|---:|---:|---:|"
  cat "$results"
} >>"$root/bench/README.md"
echo "== results appended to bench/README.md"
