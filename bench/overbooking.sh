#!/usr/bin/env bash
# Issue 13's "no overbooking" at full size (docs/benchmarks.md): 500 students book the same slot at once, over real
# HTTP from 500 threads, on a pool that fits 100 runs. Judged: exactly 100 accepted, 400 409 capacity-exhausted
# problems, no 5xx, and the ledger (summed with SQL afterwards) never above the pool's capacity. The same test runs in
# every build at 12 requests for 4 places (NoOverbookingTest).
# Usage: bench/overbooking.sh [requests, default 500] [places, default 100]
# Results: bench/results-<date>-overbooking-<HHMM>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-500}
FITS=${2:-100}
out="bench/results-$(date -u +%Y-%m-%d)-overbooking-$(date -u +%H%M).txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# mvn -B -ntp -o test -Dtest=NoOverbookingTest -Doverbooking.requests=$REQUESTS -Doverbooking.fits=$FITS"
} > "$out"
status=0
mvn -B -ntp -o test -Dtest=NoOverbookingTest -Doverbooking.requests="$REQUESTS" -Doverbooking.fits="$FITS" \
  -Dsurefire.failIfNoSpecifiedTests=false > target/overbooking.log 2>&1 || status=$?
grep -E '^\[no overbooking\]|Tests run:.*NoOverbooking|FAIL' target/overbooking.log >> "$out" || true
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg); exit status $status" >> "$out"
cat "$out"
exit $status
