#!/usr/bin/env bash
# LabForge topology picture render benchmark (docs/benchmarks.md): TopologyDiagram.svg, ELK layout and markup,
# for containerlab's own large-100 lab and generated Clos fabrics of 100 and 500 nodes, warmed up in one JVM.
# Usage: bench/diagram.sh        (a few minutes on 2 cores)
# Results: target/diagram-bench/diagram-render-<date>-<HHMM>.txt (UTC), copied to bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
header="# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \
$(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$header"
timeout 1800 mvn -B -ntp -Pbenchmark test -Dtest=DiagramRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false
latest=$(ls -t target/diagram-bench/diagram-render-*.txt | head -1)
{ echo "$header"; echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; cat "$latest"; } > "bench/$(basename "$latest")"
echo "results: bench/$(basename "$latest")"
