#!/usr/bin/env bash
# The diplomatic network's loader and map (issue 15): loads the whole Wikidata extract (9,852
# rows) into a fresh SQLite database, reloads it (every row unchanged), then serves it and times
# GET /api/v1/diplomatic-missions/map, first computed then kept (ADR 0009). Target: a reload of
# the whole extract in at most 5 s; the map in at most 50 ms.
#
# Usage: bash bench/diplomatic_missions.sh [BINARY] [EXTRACT]
#   BINARY   default build/release/taawun, else build/debug/taawun
#   EXTRACT  default ../shared/data/reference/diplomatic-missions/database_of_embassies_2022-11-16.csv
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [[ -z "$binary" ]]; then
  binary=build/release/taawun
  [[ -x "$binary" ]] || binary=build/debug/taawun
fi
extract=${2:-../shared/data/reference/diplomatic-missions/database_of_embassies_2022-11-16.csv}
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
db="sqlite:$work/missions.db"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

"$binary" migrate --database "$db" >/dev/null
"$binary" reference load --database "$db" >/dev/null
seconds() { local start end; start=$(date +%s.%N); "$@" >"$work/out.txt"; end=$(date +%s.%N); echo "$end - $start" | bc; }
first=$(seconds "$binary" diplomatic-missions load "$extract" --database "$db")
echo "first load:  ${first} s — $(head -1 "$work/out.txt")"
second=$(seconds "$binary" diplomatic-missions load "$extract" --database "$db")
echo "reload:      ${second} s — $(head -1 "$work/out.txt")"

# The map: an admin account, the server, the first answer (computed) and the next ones (kept).
echo 'Bench-password-1' | "$binary" user add bench --role admin --password-stdin --database "$db" >/dev/null
token=$("$binary" token create bench --user bench --database "$db" 2>/dev/null)
"$binary" serve --database "$db" --listen 127.0.0.1:18431 --require-totp none >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18431/healthz >/dev/null && break; sleep 0.1; done
map() { curl -s -o "$work/map.json" -w '%{time_total}' -H "Authorization: Bearer $token" http://127.0.0.1:18431/api/v1/diplomatic-missions/map; }
computed=$(map)
kept=0
for _ in $(seq 20); do kept=$(echo "$kept + $(map)" | bc -l); done
echo "map:         $(wc -c <"$work/map.json") bytes, computed ${computed} s, kept $(echo "scale=4; $kept / 20" | bc -l) s (mean of 20)"
