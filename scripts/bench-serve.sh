#!/usr/bin/env bash
# The drift-alert service alone, with N lab routers watched (issue 4: "service memory with 1,000 routers
# watched"). Unlike scripts/bench-engine.sh, the simulators run in a JVM of their own (`portcullis lab`), so the
# figures are the service's only. Steps: start the lab, apply the policy (so the fleet starts in sync), start
# `portcullis serve` with a bounded heap, wait until every router has a live notification subscription and
# has been checked in policy, then read the service's heap after a full GC, its RSS and its threads.
#
#   scripts/bench-serve.sh [N=1000]          env: SERVE_HEAP (default 512m), SERVE_PORT (default 18080)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n="${1:-1000}"
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
positive N "$n"
heap="${SERVE_HEAP:-512m}"
port="${SERVE_PORT:-18080}"
state=.run/bench-serve
rm -rf "$state"
mkdir -p "$state"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q -B package -DskipTests >&2

PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export PORTCULLIS_LAB_PASSWORD
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

PORTCULLIS_JAVA_OPTS="-Xmx2g" ./portcullis lab --devices "$n" --port-base 0 --write-inventory "$state/inventory" \
  >"$state/lab.out" 2>"$state/lab.err" &
pids+=($!)
for _ in $(seq 1 240); do grep -q "^lab: .* devices on " "$state/lab.out" 2>/dev/null && break; sleep 0.5; done
grep -q "^lab: " "$state/lab.out" || { echo "bench-serve: the lab did not start" >&2; cat "$state/lab.err" >&2; exit 1; }

inv=(--inventory "$state/inventory")
t0=$(date +%s.%N)
./portcullis apply "${inv[@]}" --auto-approve --parallel 100 --confirm-timeout 120 >"$state/apply.out" 2>&1 || {
  echo "bench-serve: apply failed" >&2; tail -5 "$state/apply.out" >&2; exit 1; }
echo "applied the policy to $n lab routers in $(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN {printf "%.1f", a - b}') s"

t0=$(date +%s.%N)
PORTCULLIS_JAVA_OPTS="-Xmx$heap -Dquarkus.http.port=$port -Dportcullis.drift.period=1h" \
  ./portcullis serve "${inv[@]}" >"$state/serve.out" 2>"$state/serve.err" &
serve_pid=$!
pids+=("$serve_pid")
metric() { curl -s "http://127.0.0.1:$port/q/metrics" | awk -v m="$1" '$1 == m {print int($2)}'; }
subs=0; ok=0
for _ in $(seq 1 600); do
  subs="$(metric portcullis_notification_subscriptions || true)"; ok="$(metric 'portcullis_routers{state="in_policy"}' || true)"
  [ "${subs:-0}" -ge "$n" ] && [ "${ok:-0}" -ge "$n" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { echo "bench-serve: serve exited" >&2; tail -20 "$state/serve.err" >&2; exit 1; }
  sleep 0.5
done
echo "serve: $subs/$n routers subscribed, $ok/$n checked in policy, $(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN {printf "%.1f", a - b}') s after start"
[ "${subs:-0}" -ge "$n" ] && [ "${ok:-0}" -ge "$n" ] || { echo "bench-serve: not every router became watched and in policy" >&2; exit 1; }

jcmd "$serve_pid" GC.run >/dev/null
sleep 1
used_kb="$(jcmd "$serve_pid" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); print v}}')"
rss_kb="$(awk '/^VmRSS/ {print $2}' "/proc/$serve_pid/status")"
threads="$(awk '/^Threads/ {print $2}' "/proc/$serve_pid/status")"
fds="$(ls "/proc/$serve_pid/fd" | wc -l)"
printf 'serve with %d routers watched (-Xmx%s): heap used after full GC %.1f MB (%.1f KB per router); RSS %.1f MB; %d threads; %d open fds\n' \
  "$n" "$heap" "$(awk -v k="$used_kb" 'BEGIN {print k / 1024}')" "$(awk -v k="$used_kb" -v n="$n" 'BEGIN {print k / n}')" "$(awk -v k="$rss_kb" 'BEGIN {print k / 1024}')" "$threads" "$fds"
