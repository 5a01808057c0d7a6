#!/usr/bin/env bash
# The dashboard's fleet page with N lab routers (issue 11: "fleet page first byte < 200 ms, page complete in
# Chromium < 1 s"). Like scripts/bench-serve.sh the simulators run in a JVM of their own (`portcullis lab
# --traffic`), the policy is applied to every router, then `portcullis serve` starts with a read token and counter
# sampling every 15 s; once every router is checked in policy and sampled twice, scripts/bench/dashboard_timing.py
# signs in and times GET / (first byte and whole HTML, fresh connection each) and Chromium's load of the page
# (Debian's chromium + chromedriver over the WebDriver HTTP API).
#
#   scripts/bench-dashboard.sh [N=1000]      env: SERVE_HEAP (default 512m), SERVE_PORT (default 18081), TRAFFIC (pps, 20),
#                                            PAGES (default "/ /?all=1": the first page of problems-first rows, and every row)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n="${1:-1000}"
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
positive N "$n"
heap="${SERVE_HEAP:-512m}"
port="${SERVE_PORT:-18081}"
pps="${TRAFFIC:-20}"
state=.run/bench-dashboard
rm -rf "$state"
mkdir -p "$state"
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q -B package -DskipTests >&2

PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
read_token="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
export PORTCULLIS_LAB_PASSWORD
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

PORTCULLIS_JAVA_OPTS="-Xmx2g" ./portcullis lab --devices "$n" --port-base 0 --traffic "$pps" --write-inventory "$state/inventory" \
  >"$state/lab.out" 2>"$state/lab.err" &
pids+=($!)
for _ in $(seq 1 240); do grep -q "^lab: .* devices on " "$state/lab.out" 2>/dev/null && break; sleep 0.5; done
grep -q "^lab: " "$state/lab.out" || { echo "bench-dashboard: the lab did not start" >&2; cat "$state/lab.err" >&2; exit 1; }

inv=(--inventory "$state/inventory")
./portcullis apply "${inv[@]}" --auto-approve --parallel 100 --confirm-timeout 120 >"$state/apply.out" 2>&1 || {
  echo "bench-dashboard: apply failed" >&2; tail -5 "$state/apply.out" >&2; exit 1; }

PORTCULLIS_API_READ_TOKEN="$read_token" \
PORTCULLIS_JAVA_OPTS="-Xmx$heap -Dquarkus.http.port=$port -Dportcullis.drift.period=1h -Dportcullis.counters.period=15s" \
  ./portcullis serve "${inv[@]}" >"$state/serve.out" 2>"$state/serve.err" &
serve_pid=$!
pids+=("$serve_pid")
metric() { curl -s "http://127.0.0.1:$port/q/metrics" | awk -v m="$1" '$1 == m {print int($2)}'; }
ok=0
for _ in $(seq 1 600); do
  ok="$(metric 'portcullis_routers{state="in_policy"}' || true)"
  [ "${ok:-0}" -ge "$n" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { echo "bench-dashboard: serve exited" >&2; tail -20 "$state/serve.err" >&2; exit 1; }
  sleep 0.5
done
[ "${ok:-0}" -ge "$n" ] || { echo "bench-dashboard: only $ok/$n routers in policy" >&2; exit 1; }
sleep 35   # two counter samples (15 s apart), so the "dropped probes" column has numbers
echo "serve: $ok/$n routers in policy; timing the fleet page"
for page in ${PAGES:-/ /?all=1}; do
  python3 scripts/bench/dashboard_timing.py "http://127.0.0.1:$port" "$read_token" 30 10 "$page"
done
