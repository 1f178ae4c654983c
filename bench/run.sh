#!/usr/bin/env bash
# LabForge API benchmark (docs/benchmarks.md). Starts the packaged service on a fresh embedded
# PostgreSQL, then drives it with wrk from the same machine:
#   1. GET /actuator/health       (baseline: the cheapest request the service answers)
#   2. GET /api/v1/labs/{id}      (a 10-router lab, bearer token)
#   3. POST /api/v1/labs          (10 routers, 12 links, unique name per request)
# Usage: bench/run.sh [seconds per measurement, default 30] [connections, default 32]
# BENCH_JAR=path/to/labforge.jar runs that build instead of packaging this checkout (to compare two builds
# back-to-back on the same machine state).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${1:-30}
CONNECTIONS=${2:-32}
PORT=${BENCH_PORT:-18080}
export LABFORGE_ADMIN_TOKEN=lf_benchmark-token-000000000000
command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install -y wrk" >&2; exit 1; }

bench_jar
bench_java
bench_start "$PORT" 120

AUTH=(-H "Authorization: Bearer $LABFORGE_ADMIN_TOKEN" -H 'Content-Type: application/json')
curl -sf "${AUTH[@]}" --data @docs/images/frr.json "localhost:$PORT/api/v1/images" >/dev/null
LAB=$(curl -sf "${AUTH[@]}" -o /dev/null -w '%header{location}' --data @bench/sample-lab.json \
  "localhost:$PORT/api/v1/labs")

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# jar: $JAR; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$JAVA_BIN" -version 2>&1 | head -1); wrk -t2 -c$CONNECTIONS -d${DURATION}s, after a ${DURATION}s warm-up each"
measure() { # name, path, script
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "bench/$3" "http://localhost:$PORT$2" warm >/dev/null 2>&1
  echo "## $1"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "bench/$3" "http://localhost:$PORT$2" run \
    | grep -E 'Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx|Socket errors'
}
measure "GET /actuator/health" /actuator/health get.lua
measure "GET /api/v1/labs/{id}" "$LAB" get.lua
measure "POST /api/v1/labs (10 routers, 12 links), as fast as it goes" /api/v1/labs create-lab.lua
# open loop at a fixed rate (latency counted from each request's due time; first quarter is warm-up)
RATE=${RATE:-300}
"${JAVA_BIN%/java}/javac" -d "$DATA/rateload" bench/RateLoad.java
rate() { # name, path, [body]
  echo "## $1 at a fixed $RATE/s with $CONNECTIONS concurrent clients (open loop, ${DURATION}s)"
  "$JAVA_BIN" -cp "$DATA/rateload" RateLoad "http://localhost:$PORT$2" "$RATE" "$DURATION" "$CONNECTIONS" \
    "$LABFORGE_ADMIN_TOKEN" ${3:-}
}
rate "GET /actuator/health (baseline)" /actuator/health
rate "POST /api/v1/labs (10 routers, 12 links)" /api/v1/labs bench/create-body.json
