#!/usr/bin/env bash
# LabForge web page benchmark (docs/benchmarks.md, issue 14): the labs page with 500 labs, the class view of a
# 300-student course (p50/p95/p99 of 200 requests after 30 warm-ups, with the session cookie over loopback), and ONE
# class view stream counted while the course's 300 labs start on the simulated cluster. After the labs page's timing,
# the plans of its statements at that size (EXPLAIN ANALYZE of the two lists and of the states read).
# Usage: bench/web-pages.sh        (several minutes on 2 cores)
#        BENCH_LABS=50 BENCH_STUDENTS=30 bench/web-pages.sh   (a smoke run at a smaller size, on a loaded machine)
#        BENCH_PART=labs bench/web-pages.sh   (the labs page only: its 500 labs and timings, no class)
#        BENCH_JVM='-XX:StartFlightRecording=filename=target/web-bench/labs.jfr,settings=profile' BENCH_PART=labs \
#          bench/web-pages.sh   (the same with a JFR recording, for `jfr view hot-methods` and `allocation-by-class`)
# Results: target/web-bench/web-pages-<date>-<HHMM>.txt (UTC), copied to bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
header="# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \
$(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$header"
timeout 2400 mvn -B -ntp ${MVN_OFFLINE:-} -Pbenchmark test -Dtest=WebPagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.labs="${BENCH_LABS:-500}" -Dbench.students="${BENCH_STUDENTS:-300}" -Dbench.part="${BENCH_PART:-all}" \
  "-Dbenchmark.jvm=-Xms6g -Xmx6g ${BENCH_JVM:-}"
latest=$(ls -t target/web-bench/web-pages-*.txt | head -1)
{ echo "$header"; echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; cat "$latest"; } > "bench/$(basename "$latest")"
echo "results: bench/$(basename "$latest")"
