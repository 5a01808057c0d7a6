#!/usr/bin/env bash
# The main job on the embedded lab, end to end, with no hardware:
#   start simulated BNGs of every platform on loopback (portcullis lab, with a generated inventory and
#   known_hosts), then validate → verify → plan --out → apply --plan → plan (no changes) → drift (in sync).
# Each step's exit code is checked against what it must be; the lab is stopped on exit.
# Options (env): LAB_DEVICES (default 6), LAB_STATE (default .run/lab-demo).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

devices="${LAB_DEVICES:-6}"
state="${LAB_STATE:-.run/lab-demo}"
rm -rf "$state"
mkdir -p "$state"

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "lab-demo: building portcullis (mvn package)…"
  mvn -q -B package -DskipTests
fi

# The lab and the CLI share the password through an environment variable, never through a file in git.
PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export PORTCULLIS_LAB_PASSWORD

./portcullis lab --devices "$devices" --port-base 0 --write-inventory "$state/inventory" >"$state/lab.out" 2>"$state/lab.err" &
lab_pid=$!
trap 'kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  grep -q "^lab: .* devices on " "$state/lab.out" 2>/dev/null && break
  if ! kill -0 "$lab_pid" 2>/dev/null; then
    echo "lab-demo: the lab did not start:" >&2
    cat "$state/lab.err" >&2
    exit 1
  fi
  sleep 0.5
done
grep "^lab: " "$state/lab.out" || { echo "lab-demo: the lab did not report ready within 60 s" >&2; exit 1; }

inv=(--inventory "$state/inventory")
step() {
  local expect="$1"; shift
  echo
  echo "━━ portcullis $* (expect exit $expect)"
  set +e
  ./portcullis "$@"
  local rc=$?
  set -e
  if [ "$rc" -ne "$expect" ]; then
    echo "lab-demo: 'portcullis $*' exited $rc, expected $expect" >&2
    exit 1
  fi
}

step 0 validate "${inv[@]}"
step 0 verify "${inv[@]}"
step 2 plan "${inv[@]}" --out "$state/plan.json"
step 0 apply "${inv[@]}" --plan "$state/plan.json" --canary 1 --parallel 4 --confirm-timeout 60 \
  --report "$state/apply-report.json" --junit "$state/apply-junit.xml"
step 0 plan "${inv[@]}"
step 0 drift "${inv[@]}"
# every plan, apply and drift above was recorded (embedded H2 under .portcullis/state; nothing to install)
step 0 history --limit 4
echo
echo "lab-demo: all steps passed. Reports: $state/apply-report.json, $state/apply-junit.xml"
