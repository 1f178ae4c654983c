# What the bench scripts share (source it after `cd` to the checkout): the build to measure, a Java 22+ to run it,
# and the service started on a fresh data directory (embedded PostgreSQL), stopped and removed when the script exits.

# JAR: $BENCH_JAR when set, else this checkout packaged (offline: the dependencies are cached).
bench_jar() {
  if [ -n "${BENCH_JAR:-}" ]; then
    JAR=$BENCH_JAR
  else
    mvn -B -ntp -q -o -DskipTests package
    JAR=$(ls target/labforge-*.jar | grep -v plain | head -1)
  fi
}

# JAVA_BIN: $JAVA_HOME's java, or the machine's, or the newest JDK under /usr/lib/jvm when that one is older than 22.
bench_java() {
  JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
  if ! "$JAVA_BIN" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then
    for jdk in /usr/lib/jvm/*; do
      if "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then JAVA_BIN=$jdk/bin/java; fi
    done
  fi
}

# bench_start PORT SECONDS [service arguments...]: starts $JAR with $JAVA_BIN on PORT with a data directory of its own
# (DATA; its log in $DATA/service.log) and waits up to SECONDS for it to answer its health check. PID is the service's.
bench_start() {
  local port=$1 seconds=$2
  shift 2
  DATA=$(mktemp -d)
  "$JAVA_BIN" -Xmx1g -jar "$JAR" --server.port="$port" --labforge.data-dir="$DATA" --logging.level.root=WARN "$@" \
    > "$DATA/service.log" 2>&1 &
  PID=$!
  trap 'status=$?; trap - ERR; kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"; exit $status' EXIT
  for _ in $(seq 1 "$seconds"); do
    curl -sf "localhost:$port/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "the service did not answer on port $port within $seconds s; its log ends:" >&2
  tail -20 "$DATA/service.log" >&2
  return 1
}
