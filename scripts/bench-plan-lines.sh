#!/usr/bin/env bash
# How many lines a plan prints for a big merge request (issue 12 item 2): N simulated BNGs of all six platforms,
# nothing applied yet, so every router needs the same change per platform; then a quarter of them applied, so the
# plan mixes "in sync" with changes. Counts the lines of the default plan, `--show-reverse` and `--verbose`.
#   scripts/bench-plan-lines.sh [N]          (default 500)
# Needs nothing but Java and Maven (builds portcullis when target/quarkus-app is missing). Recording is off so the
# numbers do not depend on a database; the lab state lives in .run/bench-plan-lines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

devices="${1:-500}"
state=".run/bench-plan-lines"
rm -rf "$state"
mkdir -p "$state"
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  mvn -q -B package -DskipTests
fi
PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export PORTCULLIS_LAB_PASSWORD PORTCULLIS_DB_ENABLED=false

./portcullis lab --devices "$devices" --port-base 0 --write-inventory "$state/inventory" >"$state/lab.out" 2>"$state/lab.err" &
lab_pid=$!
trap 'kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "^lab: .* devices on " "$state/lab.out" 2>/dev/null && break
  kill -0 "$lab_pid" 2>/dev/null || { cat "$state/lab.err" >&2; exit 1; }
  sleep 0.5
done
grep -q "^lab: " "$state/lab.out" || { echo "bench-plan-lines: the lab did not start" >&2; exit 1; }

inv=(--inventory "$state/inventory" --parallel 50)
lines() {  # lines of one plan run; exit code 2 (changes) is the expected one
  local rc=0
  ./portcullis plan "${inv[@]}" "$@" >"$state/plan.txt" 2>"$state/plan.err" || rc=$?
  [ "$rc" -le 2 ] || { echo "bench-plan-lines: plan $* exited $rc" >&2; cat "$state/plan.err" >&2; exit 1; }
  wc -l <"$state/plan.txt"
}
echo "bench-plan-lines: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $devices routers"
printf '%-44s %8s\n' "plan" "lines"
printf '%-44s %8s\n' "nothing applied: default" "$(lines)"
cp "$state/plan.txt" "$state/plan-all-need.txt"
printf '%-44s %8s\n' "nothing applied: --show-reverse" "$(lines --show-reverse)"
printf '%-44s %8s\n' "nothing applied: --verbose" "$(lines --verbose)"
# apply to every fourth router (a --limit list), so the next plan mixes in-sync routers with changes
limit="$(sed -n 's/^\([A-Za-z0-9_.-]*\):$/\1/p' "$state/inventory/hosts.yaml" | awk 'NR % 4 == 1' | paste -sd, -)"
./portcullis apply "${inv[@]}" --auto-approve --limit "$limit" >"$state/apply.txt" 2>&1 \
  || { echo "bench-plan-lines: apply failed" >&2; tail -20 "$state/apply.txt" >&2; exit 1; }
printf '%-44s %8s\n' "a quarter applied: default" "$(lines)"
echo "bench-plan-lines: first lines of the all-need plan:"
head -n 12 "$state/plan-all-need.txt"
