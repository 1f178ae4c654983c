#!/usr/bin/env bash
# LabForge topology picture render benchmark (docs/benchmarks.md): TopologyDiagram.svg, ELK layout and markup,
# for containerlab's own large-100 lab and generated Clos fabrics of 100 and 500 nodes, warmed up in one JVM.
# Usage: bench/diagram.sh                           (a few minutes on 2 cores)
#        DIAGRAM_BASELINE=<git rev> bench/diagram.sh (the same benchmark at <rev> first, from a `git archive` copy
#                                                    under target/, then this tree; ratios of the medians)
# MVN_OFFLINE=-o runs Maven offline.
# Results: target/diagram-bench/diagram-render-<date>-<HHMM>.txt (UTC), copied to bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
header="# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \
$(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$header"
run() {
  timeout 1800 mvn -B -ntp ${MVN_OFFLINE:-} -Pbenchmark test -Dtest=DiagramRenderBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false
}
base=""
if [ -n "${DIAGRAM_BASELINE:-}" ]; then
  rev=$(git rev-parse --short "$DIAGRAM_BASELINE")
  dir=target/diagram-baseline
  # a copy of the same revision from an earlier run is reused, build and all
  if [ "$(cat "$dir/.rev" 2>/dev/null)" != "$rev" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$rev" | tar -x -C "$dir"
    echo "$rev" > "$dir/.rev"
  fi
  (cd "$dir" && run)
  base=$(ls -t "$dir"/target/diagram-bench/diagram-render-*.txt | head -1)
fi
run
latest=$(ls -t target/diagram-bench/diagram-render-*.txt | head -1)
{
  echo "$header"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "$base" ]; then
    echo "# baseline: $rev ($(git log -1 --format=%s "$rev" | cut -c1-80)), run just before, same machine"
    sed 's/^/# baseline | /' "$base"
    echo "# this tree: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with changes')"
  fi
  cat "$latest"
  if [ -n "$base" ]; then
    echo "# median this tree / median baseline:"
    # the last seven columns are numbers; what comes before them is the lab's name
    awk 'FNR == NR && !/^#/ && $1 != "lab" { name = $1; for (i = 2; i <= NF - 7; i++) name = name " " $i; b[name] = $(NF-2); next }
         !/^#/ && $1 != "lab" { name = $1; for (i = 2; i <= NF - 7; i++) name = name " " $i;
                    if (name in b) printf "# %-36s %5.2f\n", name, $(NF-2) / b[name] }' "$base" "$latest"
  fi
} > "bench/$(basename "$latest")"
echo "results: bench/$(basename "$latest")"
cat "bench/$(basename "$latest")"
