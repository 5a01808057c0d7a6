#!/usr/bin/env bash
# Failover of two `serve` replicas on one PostgreSQL (issue 10 item 2), with N lab routers watched.
# Steps: start PostgreSQL (scripts/postgres-lab.sh, a fresh schema bench_ha), the lab fleet in a JVM of its own
# (`portcullis lab`), apply the policy (so the fleet starts in sync), start replica A and wait until it leads with
# every router subscribed and checked, start replica B (follower). Then ROUNDS times: kill -9 the leader, measure
# until the other replica (a) says it leads (/q/health/ready) and (b) has completed its first full check
# (portcullis_last_full_check_timestamp_seconds set), then start the killed replica again as the follower.
# Finally the leader's heap after a full GC, RSS and threads with N routers watched (compare bench-serve.sh).
#
#   scripts/bench-ha.sh [N=1000] [ROUNDS=10]   env: SERVE_HEAP (512m), HA_POLL (3s), PORT_A (18081), PORT_B (18082)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n="${1:-1000}"
rounds="${2:-10}"
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
positive N "$n"; positive ROUNDS "$rounds"
heap="${SERVE_HEAP:-512m}"
poll="${HA_POLL:-3s}"
port_a="${PORT_A:-18081}"
port_b="${PORT_B:-18082}"
state=.run/bench-ha
rm -rf "$state"
mkdir -p "$state"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q -B package -DskipTests >&2

pg="${POSTGRES_LAB_STATE:-.run/postgres}"
# a cluster set up earlier on another port (POSTGRES_LAB_PORT) is reused on that port
if [ -z "${POSTGRES_LAB_PORT:-}" ] && [ -f "$pg/jdbc.properties" ]; then
  POSTGRES_LAB_PORT="$(sed -n 's/^url=jdbc:postgresql:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$pg/jdbc.properties")"
  export POSTGRES_LAB_PORT
fi
scripts/postgres-lab.sh status >/dev/null 2>&1 || scripts/postgres-lab.sh start >&2
url="$(sed -n 's/^url=//p' "$pg/jdbc.properties")"
user="$(sed -n 's/^username=//p' "$pg/jdbc.properties")"
pwfile="$(sed -n 's/^password-file=//p' "$pg/jdbc.properties")"
hostport="${url#jdbc:postgresql://}"; hostport="${hostport%%/*}"
dbname="${url##*/}"; dbname="${dbname%%\?*}"
PGPASSWORD="$(cat "$pwfile")" psql -q -h "${hostport%%:*}" -p "${hostport##*:}" -U "$user" -d "$dbname" \
  -c "DROP SCHEMA IF EXISTS bench_ha CASCADE" -c "CREATE SCHEMA bench_ha" >&2
db_opts="-Dportcullis.db.url=$url?currentSchema=bench_ha -Dportcullis.db.username=$user -Dportcullis.db.password-file=$pwfile"

PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export PORTCULLIS_LAB_PASSWORD
declare -A pid
lab_pid=""
cleanup() {
  for p in "${pid[@]}" $lab_pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

PORTCULLIS_JAVA_OPTS="-Xmx2g" ./portcullis lab --devices "$n" --port-base 0 --write-inventory "$state/inventory" \
  >"$state/lab.out" 2>"$state/lab.err" &
lab_pid=$!
for _ in $(seq 1 240); do grep -q "^lab: .* devices on " "$state/lab.out" 2>/dev/null && break; sleep 0.5; done
grep -q "^lab: " "$state/lab.out" || { echo "bench-ha: the lab did not start" >&2; cat "$state/lab.err" >&2; exit 1; }
inv=(--inventory "$state/inventory")
PORTCULLIS_JAVA_OPTS="$db_opts" ./portcullis apply "${inv[@]}" --auto-approve --parallel 100 --confirm-timeout 120 \
  >"$state/apply.out" 2>&1 || { echo "bench-ha: apply failed" >&2; tail -5 "$state/apply.out" >&2; exit 1; }

now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN {printf "%.1f", a - b}'; }
port_of() { if [ "$1" = a ]; then echo "$port_a"; else echo "$port_b"; fi; }
metric() { curl -s "http://127.0.0.1:$(port_of "$1")/q/metrics" | awk -v m="$2" '$1 == m {print int($2)}'; }
leads() { curl -s "http://127.0.0.1:$(port_of "$1")/q/health/ready" | grep -q '"leader" *: *"yes"'; }
up() { curl -s -o /dev/null "http://127.0.0.1:$(port_of "$1")/q/health/live"; }

start_replica() { # $1 = a|b
  PORTCULLIS_JAVA_OPTS="-Xmx$heap $db_opts -Dquarkus.http.port=$(port_of "$1") -Dportcullis.replica=replica-$1 \
    -Dportcullis.ha.poll-interval=$poll -Dportcullis.drift.period=1h" \
    ./portcullis serve "${inv[@]}" >>"$state/serve-$1.out" 2>>"$state/serve-$1.err" &
  pid[$1]=$!
}

wait_for() { # $1 = seconds, rest = condition
  local max="$1"; shift
  local until=$(( $(date +%s) + max ))
  until "$@"; do [ "$(date +%s)" -lt "$until" ] || return 1; sleep 0.2; done
}
watched() { # $1 = replica: leads, every router subscribed and checked in policy
  leads "$1" && [ "$(metric "$1" portcullis_notification_subscriptions || echo 0)" -ge "$n" ] \
    && [ "$(metric "$1" 'portcullis_routers{state="in_policy"}' || echo 0)" -ge "$n" ]
}
checked() { [ "$(metric "$1" portcullis_last_full_check_timestamp_seconds || echo 0)" -gt 0 ]; }

start_replica a
wait_for 600 watched a || { echo "bench-ha: replica-a never watched all $n routers" >&2; tail -20 "$state/serve-a.err" >&2; exit 1; }
start_replica b
wait_for 300 up b || { echo "bench-ha: replica-b did not start" >&2; exit 1; }
leader=a; follower=b
echo "round,routers,killed,seconds_to_leader,seconds_to_first_check" > "$state/failover.csv"
for r in $(seq 1 "$rounds"); do
  kill -9 "${pid[$leader]}"; wait "${pid[$leader]}" 2>/dev/null || true
  t0=$(now)
  wait_for 120 leads "$follower" || { echo "bench-ha: round $r: replica-$follower did not take over" >&2; exit 1; }
  to_leader=$(since "$t0")
  wait_for 900 checked "$follower" || { echo "bench-ha: round $r: no full check by replica-$follower" >&2; exit 1; }
  to_check=$(since "$t0")
  echo "$r,$n,replica-$leader,$to_leader,$to_check" | tee -a "$state/failover.csv"
  if [ "$r" -lt "$rounds" ]; then
    start_replica "$leader"
    wait_for 300 up "$leader" || { echo "bench-ha: replica-$leader did not restart" >&2; exit 1; }
    wait_for 600 watched "$follower" || true # the new leader settles (subscriptions) before the next kill
  fi
  tmp="$leader"; leader="$follower"; follower="$tmp"
done

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }
m_leader="$(tail -n +2 "$state/failover.csv" | cut -d, -f4 | median)"
m_check="$(tail -n +2 "$state/failover.csv" | cut -d, -f5 | median)"
echo "failover with $n routers, $rounds rounds (poll $poll): median kill -9 -> new leader ${m_leader} s; -> first full check done ${m_check} s"

wait_for 600 watched "$leader" || true
lp="${pid[$leader]}"
jcmd "$lp" GC.run >/dev/null
sleep 1
used_kb="$(jcmd "$lp" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); print v}}')"
rss_kb="$(awk '/^VmRSS/ {print $2}' "/proc/$lp/status")"
threads="$(awk '/^Threads/ {print $2}' "/proc/$lp/status")"
printf 'leader replica-%s with %d routers watched (-Xmx%s): heap used after full GC %.1f MB; RSS %.1f MB; %d threads; load %s\n' \
  "$leader" "$n" "$heap" "$(awk -v k="$used_kb" 'BEGIN {print k / 1024}')" "$(awk -v k="$rss_kb" 'BEGIN {print k / 1024}')" "$threads" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
