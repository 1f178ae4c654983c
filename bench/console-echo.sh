#!/usr/bin/env bash
# Consoles through LabForge's proxy against a direct WebSocket echo, in the same run (docs/benchmarks.md):
# keystroke-to-echo round trip with CONSOLES simulated serial consoles open and typing, and the bytes/s one console
# carries. Starts the service (simulated cluster, fresh embedded PostgreSQL), starts CONSOLES/10 labs of 10 routers
# (bench/sample-lab.json) and runs bench/ConsoleEcho.java, whose echo server is the baseline.
# Usage: bench/console-echo.sh [consoles, default 200] [keys/s per console, default 2] [seconds, default 30]
# BENCH_JAR=path/to/labforge.jar runs that build instead of packaging this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CONSOLES=${1:-200}
RATE=${2:-2}
DURATION=${3:-30}
PORT=${PORT:-18480}
export LABFORGE_ADMIN_TOKEN=lf_benchmark-token-000000000000
bench_jar
bench_java
bench_start "$PORT" 300 --labforge.console.max-sessions-per-user=$(( CONSOLES + 10 ))

AUTH=(-H "Authorization: Bearer $LABFORGE_ADMIN_TOKEN" -H 'Content-Type: application/json')
curl -sf "${AUTH[@]}" --data @docs/images/frr.json "localhost:$PORT/api/v1/images" >/dev/null
LABS=()
for i in $(seq 1 $(( (CONSOLES + 9) / 10 ))); do
  LAB=$(sed "s/\"bench-sample\"/\"bench-console-$i\"/" bench/sample-lab.json \
    | curl -sf "${AUTH[@]}" -o /dev/null -w '%header{location}' --data @- "localhost:$PORT/api/v1/labs")
  curl -sf "${AUTH[@]}" -X POST -o /dev/null "localhost:$PORT$LAB/start"
  LABS+=("${LAB##*/}")
done
for lab in "${LABS[@]}"; do
  for _ in $(seq 1 300); do
    curl -sf "${AUTH[@]}" "localhost:$PORT/api/v1/labs/$lab" | grep -q '"state":"RUNNING"' && break
    sleep 1
  done
done

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# jar: $JAR ($(git rev-parse --short HEAD)); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$JAVA_BIN" -version 2>&1 | head -1); service and load generator share the machine"
"$JAVA_BIN" bench/ConsoleEcho.java "http://localhost:$PORT" "$LABFORGE_ADMIN_TOKEN" "$CONSOLES" "$RATE" "$DURATION" \
  "${LABS[@]}"
