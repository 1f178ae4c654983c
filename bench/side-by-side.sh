#!/usr/bin/env bash
# Two builds of LabForge running at once, each on a fresh embedded PostgreSQL, driven by short closed-loop wrk bursts
# that alternate between them (the order flips every round), so that both see the same machine state: on a machine
# shared with other work, the ratio of the two is what can be read (docs/benchmarks.md). Per round and build: requests
# per second of GET /actuator/health, GET /api/v1/labs/{id} (10 routers) and POST /api/v1/labs (10 routers, 12 links).
# Usage: bench/side-by-side.sh BASE_JAR NEW_JAR [rounds, default 6]
set -uo pipefail
cd "$(dirname "$0")/.."
J=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$J" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for jdk in /usr/lib/jvm/*; do
    if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then J=$jdk/bin/java; fi
  done
fi
export LABFORGE_ADMIN_TOKEN=lf_benchmark-token-000000000000
declare -A PORT=([base]=18475 [new]=18476) JAR=([base]=$1 [new]=$2) LAB
ROUNDS=${3:-6}
PIDS=""; DIRS=""
for w in base new; do
  d=$(mktemp -d); DIRS="$DIRS $d"
  $J -Xmx1g -jar ${JAR[$w]} --server.port=${PORT[$w]} --labforge.data-dir=$d --logging.level.root=WARN > $d/service.log 2>&1 &
  PIDS="$PIDS $!"
done
trap 'kill $PIDS 2>/dev/null; wait; rm -rf $DIRS' EXIT
AUTH=(-H "Authorization: Bearer $LABFORGE_ADMIN_TOKEN" -H 'Content-Type: application/json')
for w in base new; do
  for _ in $(seq 1 400); do curl -sf "localhost:${PORT[$w]}/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "${AUTH[@]}" --data @docs/images/frr.json "localhost:${PORT[$w]}/api/v1/images" >/dev/null
  LAB[$w]=$(curl -sf "${AUTH[@]}" -o /dev/null -w '%header{location}' --data @bench/sample-lab.json "localhost:${PORT[$w]}/api/v1/labs")
done
echo "# both up $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
burst() { wrk -t2 -c32 -d${3}s -s bench/$2 "http://localhost:$1" run 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
for w in base new; do burst ${PORT[$w]}/api/v1/labs create-lab.lua 10 >/dev/null; burst ${PORT[$w]}${LAB[$w]} get.lua 10 >/dev/null; burst ${PORT[$w]}/actuator/health get.lua 5 >/dev/null; done
echo "# base: $1; new: $2"
echo "round build health read create load"
for r in $(seq 1 "$ROUNDS"); do
  order="base new"; [ $((r % 2)) = 0 ] && order="new base"
  for w in $order; do
    h=$(burst ${PORT[$w]}/actuator/health get.lua 5); g=$(burst ${PORT[$w]}${LAB[$w]} get.lua 5); c=$(burst ${PORT[$w]}/api/v1/labs create-lab.lua 5)
    echo "$r $w $h $g $c $(cut -d' ' -f1 /proc/loadavg)"
  done
done
