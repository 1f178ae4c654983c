#!/usr/bin/env bash
# Where the classroom storm's CPU goes (docs/benchmarks.md): the storm benchmark under Java Flight Recorder, without
# its 30,000-router heap point, then Java execution samples by thread group for the storm's and the floor's windows.
# Usage: bench/storm-profile.sh      (about 8 minutes on 2 cores; the benchmark's own verdict is ignored here)
set -uo pipefail
cd "$(dirname "$0")/.."
out=target/storm-profile
rm -rf "$out" target/storm && mkdir -p "$out"
jfr_bin=$(dirname "$(readlink -f "$(command -v java)")")/jfr
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr ] && jfr_bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr
timeout 1800 mvn -B -ntp -Pbenchmark test -Dstorm.heap-copies=1 \
  "-Dbenchmark.jvm=-Xms6g -Xmx6g -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$PWD/$out/storm.jfr,settings=profile,dumponexit=true" \
  > "$out/maven.log" 2>&1
results=$(ls -t target/storm/classroom-storm-*.txt | head -1)
"$jfr_bin" print --events jdk.ExecutionSample --stack-depth 1 "$out/storm.jfr" > "$out/samples.txt"
python3 bench/jfr-threads.py "$out/samples.txt" "$results" | tee "$out/threads.txt"
