#!/usr/bin/env bash
# Booking latency (issue 13; docs/benchmarks.md): POST /api/v1/bookings and GET free slots for 14 days, open loop at
# a fixed rate (bench/RateLoad.java), with 10,000 bookings already in the database, and GET /actuator/health in the
# same run as the baseline. Targets: POST p99 <= 50 ms at 50/s with 32 clients; free slots p99 <= 100 ms.
#
# Starts the packaged service on a fresh embedded PostgreSQL (durable, as bench/run.sh), then over REST: a pool large
# enough for everything, a course on a 2-router template, STUDENTS students (each a lab); then 10,000 bookings of
# those students in that course and pool, over the next 14 days, inserted with SQL (psql) with their reservations.
# The measured bookings are made by the same students at other hours (each request another student's).
# Usage: bench/booking-latency.sh [seconds per measurement, default 40] [rate, default 50] [clients, default 32]
# BENCH_JAR=path/to/labforge.jar runs that build instead of packaging this checkout; STUDENTS and SEEDED change the
# seeding (a smoke run: STUDENTS=20 SEEDED=1000 bench/booking-latency.sh 8 20 8).
# Results: bench/results-<date>-booking-latency-<HHMM>.txt (with the machine and its load before and during).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${1:-40}
RATE=${2:-50}
CLIENTS=${3:-32}
STUDENTS=${STUDENTS:-200}
SEEDED=${SEEDED:-10000}
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PG_PORT:-15441}
export LABFORGE_ADMIN_TOKEN=lf_benchmark-token-000000000000
command -v psql >/dev/null || { echo "bench needs psql: apt-get install -y postgresql-client" >&2; exit 1; }

bench_jar
bench_java
OUT="bench/results-$(date -u +%Y-%m-%d)-booking-latency-$(date -u +%H%M).txt"
exec > >(tee "$OUT") 2>&1
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB; load average before starting the service: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# bench/booking-latency.sh $DURATION $RATE $CLIENTS with STUDENTS=$STUDENTS SEEDED=$SEEDED at $(git rev-parse --short HEAD)"
STARTED=$(date +%s)
# a loaded machine (load 30 on two cores) took over six minutes to start it: wait up to 15
bench_start "$PORT" 900 --labforge.embedded-database.port="$PGPORT"
trap 'echo "# failed (status $?) at line $LINENO: $BASH_COMMAND; the service log ends:"; tail -20 "$DATA/service.log"' ERR
echo "# service up in $(($(date +%s) - STARTED)) s"
SQL=(psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d postgres -At)

API="localhost:$PORT/api/v1"
AUTH=(-H "Authorization: Bearer $LABFORGE_ADMIN_TOKEN" -H 'Content-Type: application/json')
# curl that prints the answer to a refused request (the problem says what was wrong) and fails
call() {
  local out code
  out=$(curl -s -w '\n%{http_code}' "$@")
  code=${out##*$'\n'}
  if [[ $code != 2* ]]; then echo "# refused ($code): ${*: -1}: ${out%$'\n'*}" >&2; return 1; fi
  printf '%s\n' "${out%$'\n'*}"
}
call "${AUTH[@]}" --data @docs/images/frr.json "$API/images" >/dev/null
call "${AUTH[@]}" --data '{"name":"bench","vcpus":1000000,"memoryMib":1000000000,"nodes":1000000}' \
  "$API/capacity/pools" >/dev/null
TEMPLATE=$(call "${AUTH[@]}" --data '{"name":"bench-template","nodes":[{"name":"r1","image":"frr","cpu":2,
  "memoryMib":1024},{"name":"r2","image":"frr","cpu":2,"memoryMib":1024}],"links":[{"endpoints":["r1:eth1","r2:eth1"]}]}' \
  "$API/labs" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
call "${AUTH[@]}" --data '{"name":"bench","templateLab":"'"$TEMPLATE"'","pool":"bench","maxSlotMinutes":120,
  "bookingWindowDays":14,"weeklyAllowanceMinutes":10080}' "$API/courses" >/dev/null
SEEDING=$(date +%s)
TOKENS=$DATA/tokens
: > "$TOKENS"
for batch in $(seq 0 50 $((STUDENTS - 1))); do
  members=""
  for i in $(seq "$batch" $((batch + 49 < STUDENTS - 1 ? batch + 49 : STUDENTS - 1))); do
    secret=$(call "${AUTH[@]}" --data "{\"username\":\"student-$i\"}" "$API/users" \
      | sed -E 's/.*"secret":"([^"]+)".*/\1/')
    echo "$secret" >> "$TOKENS"
    members="$members${members:+,}{\"username\":\"student-$i\",\"role\":\"student\"}"
  done
  call "${AUTH[@]}" --data "{\"members\":[$members]}" "$API/courses/bench/roster" >/dev/null
done

# 10,000 bookings, each with its reservation, on even hours from tomorrow on, spread over 14 days; the students'
# measured bookings take odd hours, so no two of one student's overlap
PER_STUDENT=$(( (SEEDED + STUDENTS - 1) / STUDENTS ))
"${SQL[@]}" <<SQL
with s as (
    select m.user_id, m.lab_id, row_number() over (order by m.user_id) - 1 as i
    from course_members m join courses c on c.id = m.course_id where c.name = 'bench' and m.role = 'student'
), g as materialized (
    select s.user_id, s.lab_id, gen_random_uuid() as booking, gen_random_uuid() as reservation,
        date_trunc('day', now()) + interval '1 day'
            + make_interval(hours => (j * 6 + (s.i % 3) * 2)::int) as st
    from s cross join generate_series(0, $PER_STUDENT - 1) j
    order by j, s.i limit $SEEDED
), r as (
    insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)
    select reservation, (select id from capacity_pools where name = 'bench'),
        tstzrange(st - interval '5 minutes', st + interval '1 hour'), 4, 2048, 2, 'booking:' || booking from g
)
insert into bookings (id, course_id, user_id, lab_id, reservation_id, starts_at, ends_at, lab_from, extensions,
    created_at)
select booking, (select id from courses where name = 'bench'), user_id, lab_id, reservation, st,
    st + interval '1 hour', st - interval '5 minutes', 0, now() from g;
analyze bookings;
analyze capacity_reservations;
SQL
SEEDED_NOW=$("${SQL[@]}" -c "select count(*) from bookings")
echo "# seeding: students and labs over REST, then $SEEDED_NOW bookings by SQL, in $(($(date +%s) - SEEDING)) s"

# request n: student n mod STUDENTS, 30 minutes from the (n div STUDENTS)-th odd hour from tomorrow on
REQUESTS=$DATA/requests
python3 - "$TOKENS" "$STUDENTS" $((RATE * DURATION * 2)) > "$REQUESTS" <<'PY'
import datetime, sys
secrets = open(sys.argv[1]).read().split()
students, count = int(sys.argv[2]), int(sys.argv[3])
tomorrow = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0) \
    + datetime.timedelta(days=1)
for n in range(count):
    start = tomorrow + datetime.timedelta(hours=(n // students) * 2 + 1)
    end = start + datetime.timedelta(minutes=30)
    print('%s\t{"course":"bench","start":"%s","end":"%s"}' % (secrets[n % students],
          start.strftime('%Y-%m-%dT%H:%M:%SZ'), end.strftime('%Y-%m-%dT%H:%M:%SZ')))
PY
SECRET0=$(head -1 "$TOKENS")

echo "# $(date -u +%Y-%m-%dT%H:%MZ) measuring; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# jar: $JAR; java: $("$JAVA_BIN" -version 2>&1 | head -1)"
echo "# $SEEDED_NOW bookings in the database before the measurements ($STUDENTS students, one pool, one course)"
echo "# open loop at $RATE/s with $CLIENTS concurrent clients, ${DURATION}s each, the first quarter not counted"
"${JAVA_BIN%/java}/javac" -d "$DATA/rateload" bench/RateLoad.java
rate() { # name, path, token or @file, [body]
  echo "## $1"
  "$JAVA_BIN" -cp "$DATA/rateload" RateLoad "http://localhost:$PORT$2" "$RATE" "$DURATION" "$CLIENTS" "$3" ${4:-}
  echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
}
rate "GET /actuator/health (baseline)" /actuator/health "$LABFORGE_ADMIN_TOKEN"
rate "POST /api/v1/bookings (30 minutes, each request another student's)" /api/v1/bookings "@$REQUESTS"
rate "GET /api/v1/courses/bench/free-slots (14 days in 15-minute steps)" /api/v1/courses/bench/free-slots \
  "$SECRET0"
rate "GET /actuator/health (baseline, again)" /actuator/health "$LABFORGE_ADMIN_TOKEN"
echo "# $("${SQL[@]}" -c "select count(*) from bookings") bookings in the database after the measurements"
if [ -n "${EXPLAIN:-}" ]; then
  echo "## EXPLAIN ANALYZE of the ledger's load over the free slots' 14 days (CapacityLedger.SEGMENTS)"
  "${SQL[@]}" <<SQL
explain (analyze, buffers) with mine as materialized (
    select greatest(lower(during), now()) as s, upper(during) as e, vcpus, memory_mib, nodes
    from capacity_reservations
    where pool_id = (select id from capacity_pools where name = 'bench')
        and during && tstzrange(now(), now() + interval '14 days')
), deltas as (
    select now() as at, 0 as vcpus, cast(0 as bigint) as memory_mib, 0 as nodes
    union all select s, vcpus, memory_mib, nodes from mine
    union all select e, -vcpus, -memory_mib, -nodes from mine where e < now() + interval '14 days'
), points as (
    select at, sum(vcpus) as vcpus, sum(memory_mib) as memory_mib, sum(nodes) as nodes from deltas group by at
)
select at, coalesce(lead(at) over (order by at), now() + interval '14 days'),
    sum(vcpus) over (order by at), sum(memory_mib) over (order by at), sum(nodes) over (order by at)
from points order by at;
SQL
fi
