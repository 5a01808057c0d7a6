#!/usr/bin/env bash
# Start-up benchmark (issue 12 item 6): wall and CPU time of `validate`, `render --device bng-tor-01` and `plan` against
# 6 simulated lab routers, "before" (plain `java -jar target/quarkus-app/quarkus-run.jar`) and "after" (the release
# bundle's bin/portcullis with its class-data-sharing archive), and a bare `java -version` in the same run; each
# reported as a ratio to `java -version`, which makes numbers from a loaded machine comparable.
# Usage: scripts/bench-startup.sh [RUNS]   (default 5; medians). Builds the bundle with Maven when it is missing.
# Run it with `nice` when the machine is quiet, and write the load average (printed) next to the numbers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
positive RUNS "$runs"
bundle="$(ls target/portcullis-*.tar.gz 2>/dev/null | head -n 1 || true)"
if [ -z "$bundle" ]; then
  mvn -B -q package -DskipTests
  bundle="$(ls target/portcullis-*.tar.gz | head -n 1)"
fi
work="$(mktemp -d)"
lab_pid=""
trap '[ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
tar xzf "$bundle" -C "$work"
home="$(ls -d "$work"/portcullis-*)"
export PORTCULLIS_CACHE_DIR="$work/cache" PORTCULLIS_DB_ENABLED=false
PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export PORTCULLIS_LAB_PASSWORD
jar="$home/lib/quarkus-app/quarkus-run.jar"

java -jar "$jar" lab --devices 6 --port-base 0 --write-inventory "$work/lab" >"$work/lab.out" 2>"$work/lab.err" &
lab_pid=$!
for _ in $(seq 1 240); do
  grep -q "^lab: .* devices on " "$work/lab.out" 2>/dev/null && break
  kill -0 "$lab_pid" 2>/dev/null || { echo "bench-startup: the lab did not start:" >&2; cat "$work/lab.err" >&2; exit 1; }
  sleep 0.5
done
grep -q "^lab: " "$work/lab.out" || { echo "bench-startup: the lab did not report ready in 120 s" >&2; exit 1; }

cd "$home/examples"
# one timed run: prints "wall cpu" in seconds (cpu = user + system)
timed() { /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>&1 || true; tail -n 1 "$work/t" | awk '{printf "%.2f %.2f", $1, $2 + $3}'; }
median() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m}'; }
measure() {  # label, command...
  local label="$1"; shift
  : >"$work/w"; : >"$work/c"
  for _ in $(seq 1 "$runs"); do
    read -r w c <<<"$(timed "$@")"
    echo "$w" >>"$work/w"; echo "$c" >>"$work/c"
  done
  printf '%s %s %s\n' "$label" "$(median <"$work/w")" "$(median <"$work/c")"
}

"$home/bin/portcullis" validate >/dev/null 2>&1   # writes the CDS archive (once)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); runs per command: $runs (medians)"
results="$work/results"
{
  measure "java -version" java -version
  for cmd in "validate" "render --device bng-tor-01" "plan --inventory $work/lab"; do
    # shellcheck disable=SC2086  # cmd is a word list on purpose
    measure "before:${cmd%% *}" java -jar "$jar" $cmd
    # shellcheck disable=SC2086
    measure "after:${cmd%% *}" "$home/bin/portcullis" $cmd
  done
} >"$results"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk 'NR == 1 {jw = $(NF - 1); jc = $NF}
     {n = $0; sub(/ [0-9.]+ [0-9.]+$/, "", n);
      printf "%-16s wall %6.2f s (%5.1f× java -version)   cpu %6.2f s\n", n, $(NF - 1), $(NF - 1) / jw, $NF}' "$results"
