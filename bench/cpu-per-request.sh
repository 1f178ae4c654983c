#!/usr/bin/env bash
# CPU per request of one build (docs/benchmarks.md): the service JVM's and its PostgreSQL's core-seconds over a
# closed-loop wrk run, divided by the requests answered. Less moved by other load on the machine than a rate or a
# latency, as long as the requests outnumber what the service does in the background (a few hundred per run at least).
# Usage: bench/cpu-per-request.sh JAR [seconds per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
JAR=$1; D=${2:-10}; PORT=${BENCH_PORT:-18474}
bench_java
export LABFORGE_ADMIN_TOKEN=lf_benchmark-token-000000000000
bench_start "$PORT" 240
AUTH=(-H "Authorization: Bearer $LABFORGE_ADMIN_TOKEN" -H 'Content-Type: application/json')
curl -sf "${AUTH[@]}" --data @docs/images/frr.json "localhost:$PORT/api/v1/images" >/dev/null
LAB=$(curl -sf "${AUTH[@]}" -o /dev/null -w '%header{location}' --data @bench/sample-lab.json "localhost:$PORT/api/v1/labs")
TICK=$(getconf CLK_TCK)
cpu() { # core-seconds of the JVM and every process of its PostgreSQL
  local pm; pm=$(pgrep -f "postgres -D $DATA" | head -1 || true)
  local pids="$PID $pm $( [ -n "$pm" ] && pgrep -P "$pm" | tr '\n' ' ')"
  local t=0; for p in $pids; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done
  echo "$t"
}
measure() { # name path script
  wrk -t2 -c32 -d"${D}s" -s "bench/$3" "http://localhost:$PORT$2" warm >/dev/null 2>&1
  local before; before=$(cpu)
  local out; out=$(wrk -t2 -c32 -d"${D}s" -s "bench/$3" "http://localhost:$PORT$2" run)
  local after; after=$(cpu)
  local n; n=$(echo "$out" | awk '/requests in/ {print $1}')
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  awk -v n="$n" -v c=$((after - before)) -v tick="$TICK" -v name="$1" -v rps="$rps" \
    'BEGIN { printf "%-28s %7d requests %8.1f/s  service+postgres %6.2f core-s  = %6.3f ms CPU per request\n", name, n, rps, c/tick, 1000*c/tick/n }'
}
echo "# $(basename "$JAR") load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "GET /actuator/health" /actuator/health get.lua
measure "GET /api/v1/labs/{id}" "$LAB" get.lua
measure "POST /api/v1/labs" /api/v1/labs create-lab.lua
