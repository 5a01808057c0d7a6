#!/usr/bin/env bash
# Start-up benchmark (issue 12 item 6): wall and CPU time of the CLI on the shipped 6-router example, each also as a
# ratio to a bare `java -version` in the same run (the yardstick that makes numbers from a loaded machine comparable):
#   validate warm   the policy unchanged since the last run (its YANG verdict comes from the per-user cache)
#   validate cold   the first run after a policy change (policy cache emptied before every run: YANG schema build)
#   render --device bng-tor-01, --version, and plan against 6 simulated lab routers (Quarkus start)
# each three ways:
#   jar     `java -jar lib/quarkus-app/quarkus-run.jar`: no launcher, the JVM's defaults
#   plain   the bundle's bin/portcullis with PORTCULLIS_CDS=off PORTCULLIS_SHORT_RUN_OPTS= (no archive, no JVM options)
#   bundle  bin/portcullis as shipped: class-data-sharing archive (written by a first validate) + short-run options
# BASELINE=old-portcullis-<version>.tar.gz adds "base", that bundle's bin/portcullis as shipped (e.g. one built from an
# older commit: `git worktree add ../old <commit> && (cd ../old && mvn -B -q package -DskipTests)`).
# Plus, for plan, drift and apply (the commands here that talk to routers), when strace is installed: the time from the command's
# start (its first execve, the launcher's shell) to its first connect() to a lab router, i.e. the start-up before any
# work, separated from the routers' own time; with recording off and into an H2 file (the default).
# Usage: scripts/bench-startup.sh [RUNS]   (default 5; medians). Builds the bundle with Maven when it is missing.
# Run it with `nice` when the machine is quiet, and write the load average (printed) next to the numbers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
positive RUNS "$runs"
baseline="${BASELINE:-}"
if [ -n "$baseline" ] && [ ! -f "$baseline" ]; then
  echo "$0: BASELINE=$baseline is not a file (a portcullis-<version>.tar.gz)" >&2
  exit 64
fi
bundle="$(ls target/portcullis-*.tar.gz 2>/dev/null | head -n 1 || true)"
if [ -z "$bundle" ]; then
  mvn -B -q package -DskipTests
  bundle="$(ls target/portcullis-*.tar.gz | head -n 1)"
fi
work="$(mktemp -d)"
lab_pid=""
trap '[ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/new" "$work/base"
tar xzf "$bundle" -C "$work/new"
home="$(ls -d "$work"/new/portcullis-*)"
base_home=""
if [ -n "$baseline" ]; then
  tar xzf "$baseline" -C "$work/base"
  base_home="$(ls -d "$work"/base/portcullis-*)"
fi
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
cold=no
measure() {  # label, command...
  local label="$1"; shift
  : >"$work/w"; : >"$work/c"
  for _ in $(seq 1 "$runs"); do
    [ "$cold" = yes ] && rm -f "$work"/cache/policy-*.ser "$work"/base-cache/policy-*.ser
    read -r w c <<<"$(timed "$@")"
    echo "$w" >>"$work/w"; echo "$c" >>"$work/c"
  done
  printf '%s|%s %s\n' "$label" "$(median <"$work/w")" "$(median <"$work/c")"
}
# seconds from the command's first execve to its first connect() to one of the lab routers' ports
first_contact() {  # command...
  strace -f -qq --seccomp-bpf -e trace=execve,connect -ttt -o "$work/st" "$@" >/dev/null 2>&1 || true
  awk -v ports="$lab_ports" 'BEGIN { n = split(ports, p, " "); for (i = 1; i <= n; i++) want["htons(" p[i] ")"] = 1 }
    /execve\(/ && t0 == "" { t0 = $2 }
    /connect\(/ && match($0, /htons\([0-9]+\)/) && (substr($0, RSTART, RLENGTH) in want) { printf "%.2f", $2 - t0; exit }' "$work/st"
}
measure_first_contact() {  # label, command...
  local label="$1"; shift
  : >"$work/f"
  for _ in $(seq 1 "$runs"); do first_contact "$@" >>"$work/f"; echo >>"$work/f"; done
  printf '%-26s first router contact after %s s (median of %s)\n' "$label" "$(grep . "$work/f" | median)" "$(grep -c . "$work/f")"
}
ways() {  # label, portcullis arguments...
  local label="$1"; shift
  measure "jar     $label" java -jar "$jar" "$@"
  measure "plain   $label" env PORTCULLIS_CDS=off PORTCULLIS_SHORT_RUN_OPTS= "$home/bin/portcullis" "$@"
  measure "bundle  $label" "$home/bin/portcullis" "$@"
  [ -z "$base_home" ] || measure "base    $label" env PORTCULLIS_CACHE_DIR="$work/base-cache" "$base_home/bin/portcullis" "$@"
}

"$home/bin/portcullis" validate >/dev/null 2>&1   # writes the CDS archive (once) and the policy's cache entry
[ -z "$base_home" ] || PORTCULLIS_CACHE_DIR="$work/base-cache" "$base_home/bin/portcullis" validate >/dev/null 2>&1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); runs per command: $runs (medians)"
results="$work/results"
{
  measure "java -version" java -version
  ways "validate (warm)" validate
  cold=yes
  ways "validate (cold)" validate
  cold=no
  ways "render" render --device bng-tor-01
  ways "--version" --version
  ways "plan" plan --inventory "$work/lab"
} >"$results"
touch "$work/contacts"
if command -v strace >/dev/null; then
  lab_ports="$(grep -rhoE 'port: *[0-9]+' "$work/lab" | grep -oE '[0-9]+' | sort -u | tr '\n' ' ')"
  measure_first_contact "bundle  plan, recording off" "$home/bin/portcullis" plan --inventory "$work/lab" >>"$work/contacts"
  if [ -n "$base_home" ]; then
    measure_first_contact "base    plan, recording off" env PORTCULLIS_CACHE_DIR="$work/base-cache" "$base_home/bin/portcullis" plan --inventory "$work/lab" >>"$work/contacts"
  fi
  # the other commands that talk to routers (apply changes nothing after its first run: the routers are in policy)
  for cmd in drift "apply --auto-approve"; do
    # shellcheck disable=SC2086 # the command's words
    measure_first_contact "bundle  ${cmd%% *}, recording off" "$home/bin/portcullis" $cmd --inventory "$work/lab" >>"$work/contacts"
    if [ -n "$base_home" ]; then
      # shellcheck disable=SC2086
      measure_first_contact "base    ${cmd%% *}, recording off" env PORTCULLIS_CACHE_DIR="$work/base-cache" "$base_home/bin/portcullis" $cmd --inventory "$work/lab" >>"$work/contacts"
    fi
  done
  h2="jdbc:h2:file:$work/h2/portcullis;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  PORTCULLIS_DB_ENABLED=true PORTCULLIS_DB_URL="$h2" "$home/bin/portcullis" history >/dev/null 2>&1 || true # migrates
  measure "bundle  plan, into H2" env PORTCULLIS_DB_ENABLED=true PORTCULLIS_DB_URL="$h2" "$home/bin/portcullis" plan --inventory "$work/lab" >>"$results"
  measure_first_contact "bundle  plan, into H2" env PORTCULLIS_DB_ENABLED=true PORTCULLIS_DB_URL="$h2" "$home/bin/portcullis" plan --inventory "$work/lab" >>"$work/contacts"
else
  echo "(strace not installed: no first-router-contact rows)" >"$work/contacts"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'|' 'NR == 1 {split($2, j, " ")}
     {split($2, v, " "); printf "%-26s wall %6.2f s (%5.1f× java -version)   cpu %6.2f s\n", $1, v[1], v[1] / j[1], v[2]}' "$results"
cat "$work/contacts"
