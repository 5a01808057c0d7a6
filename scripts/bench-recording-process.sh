#!/usr/bin/env bash
# What recording costs an apply run the way CI runs it: each apply its own `bin/portcullis` process (release bundle),
# to N lab routers served by another process, with recording off, into embedded H2 and into PostgreSQL, interleaved
# round by round (the order rotates). Results: docs/benchmarks.md ("Run history", issue 9). The in-process benchmark
# (scripts/bench-store.sh overhead) repeats applies in one JVM whose JIT never settles; this one pays start-up, class
# loading and JIT in every run, as a pipeline does.
#
#   scripts/bench-recording-process.sh [ROUTERS=1000] [ROUNDS=5]
#
# PostgreSQL: the lab cluster of scripts/postgres-lab.sh (POSTGRES_LAB_STATE, default .run/postgres); without it the
# PostgreSQL column is left out and the script says so. Uses target/portcullis-*.tar.gz (built when missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
routers="${1:-1000}"
rounds="${2:-5}"
for v in "$routers" "$rounds"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [ROUTERS] [ROUNDS] (positive whole numbers)" >&2; exit 64; }
done
bundle="$(ls target/portcullis-*.tar.gz 2>/dev/null | head -n 1 || true)"
if [ -z "$bundle" ]; then
  mvn -B -q package -DskipTests
  bundle="$(ls target/portcullis-*.tar.gz | head -n 1)"
fi
pg_props="${POSTGRES_LAB_STATE:-.run/postgres}/jdbc.properties"
work="$(mktemp -d)"
lab_pid=""
schema=""
psql_lab() { # SQL: runs it on the lab PostgreSQL as the lab user
  PGPASSWORD="$(cat "$pg_pwfile")" psql -q -h 127.0.0.1 -p "$(echo "$pg_url" | sed -E 's#.*:([0-9]+)/.*#\1#')" \
    -U "$pg_user" -d "$(echo "$pg_url" | sed -E 's#.*/([^/?]+).*#\1#')" -c "$1" >/dev/null
}
cleanup() {
  [ -n "$schema" ] && psql_lab "DROP SCHEMA IF EXISTS $schema CASCADE" 2>/dev/null
  [ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
tar xzf "$bundle" -C "$work"
home="$(ls -d "$work"/portcullis-*)"
PORTCULLIS_LAB_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export PORTCULLIS_LAB_PASSWORD
unset PORTCULLIS_DB_URL PORTCULLIS_DB_USERNAME PORTCULLIS_DB_PASSWORD PORTCULLIS_DB_PASSWORD_FILE

# two policies that differ on every router (SMTP 2525 blocked or not), so that every measured apply changes them all
mkdir -p "$work/policy-a" "$work/policy-b"
cp policy/subscriber-protection.yaml "$work/policy-a/"
sed 's/ports: \[25, 465, 587, 2525\]/ports: [25, 465, 587]/' policy/subscriber-protection.yaml \
  >"$work/policy-b/subscriber-protection.yaml"
cmp -s "$work/policy-a/subscriber-protection.yaml" "$work/policy-b/subscriber-protection.yaml" &&
  { echo "$0: policy/subscriber-protection.yaml no longer lists ports [25, 465, 587, 2525]" >&2; exit 1; }

java -jar "$home/lib/quarkus-app/quarkus-run.jar" lab --devices "$routers" --port-base 0 \
  --platforms junos,iosxr,sros,openconfig,ietf --write-inventory "$work/lab" >"$work/lab.out" 2>"$work/lab.err" &
lab_pid=$!
for _ in $(seq 1 600); do
  grep -q "^lab: .* devices on " "$work/lab.out" 2>/dev/null && break
  kill -0 "$lab_pid" 2>/dev/null || { echo "$0: the lab did not start:" >&2; cat "$work/lab.err" >&2; exit 1; }
  sleep 0.5
done
grep -q "^lab: " "$work/lab.out" || { echo "$0: the lab did not report ready in 300 s" >&2; exit 1; }

modes=(off h2)
if [ -f "$pg_props" ] && scripts/postgres-lab.sh status >/dev/null 2>&1; then
  modes+=(postgresql)
  pg_url="$(sed -n 's/^url=//p' "$pg_props")"
  pg_user="$(sed -n 's/^username=//p' "$pg_props")"
  pg_pwfile="$(sed -n 's/^password-file=//p' "$pg_props")"
  # a schema of this run's own, dropped at the end
  psql_lab "CREATE SCHEMA bench_$$"
  schema="bench_$$"
  pg_url_schema="${pg_url}?currentSchema=${schema}"
else
  echo "bench-recording: no PostgreSQL lab ($pg_props; scripts/postgres-lab.sh start): PostgreSQL left out" >&2
fi

# the environment of one mode
mode_env() { # mode
  local mode="$1"
  case "$mode" in
    off) env=(PORTCULLIS_DB_ENABLED=false) ;;
    h2) env=(PORTCULLIS_DB_ENABLED=true) ;; # the default embedded file, .portcullis/state under the run's directory
    postgresql) env=(PORTCULLIS_DB_ENABLED=true PORTCULLIS_DB_URL="$pg_url_schema" PORTCULLIS_DB_USERNAME="$pg_user"
                     PORTCULLIS_DB_PASSWORD_FILE="$pg_pwfile") ;;
  esac
  # each mode its own cache, so the launcher's class-data archive is the one that configuration writes for itself
  # (with a database it holds the H2 or PostgreSQL, Flyway and Agroal classes; one shared cache would keep whichever
  # mode ran first)
  env+=(PORTCULLIS_CACHE_DIR="$work/cache-$mode")
}

# one apply in its own process; prints "wall cpu"
apply() { # mode policy-dir
  local mode="$1" policy="$2" env=()
  mode_env "$mode"
  local out="$work/run.out" err="$work/run.err" t="$work/time"
  if ! (cd "$work/run-$mode" && env "${env[@]}" /usr/bin/time -o "$t" -f '%e %U %S' "$home/bin/portcullis" apply \
      --inventory "$work/lab" --policy "$policy" --auto-approve --parallel 100 --confirm-timeout 60 >"$out" 2>"$err"); then
    echo "$0: apply ($mode) failed:" >&2; tail -5 "$err" >&2; exit 1
  fi
  if grep -q "could not record" "$err"; then echo "$0: apply ($mode) did not record: $(grep 'could not record' "$err")" >&2; exit 1; fi
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$t"
}

echo "bench-recording: $(date -u +%FT%TZ), $routers lab routers, $rounds rounds, modes ${modes[*]}; load $(cut -d' ' -f1-3 /proc/loadavg)"
# warm-up, not measured: a plan per mode writes that mode's class-data archive (the launcher writes it on a first plan
# or drift, as a pipeline's plan job would; apply alone never does), then each database's migrations, every router on A
for m in "${modes[@]}"; do
  mkdir -p "$work/run-$m"
  env=(); mode_env "$m"
  (cd "$work/run-$m" && env "${env[@]}" "$home/bin/portcullis" plan --inventory "$work/lab" --policy "$work/policy-a" \
    >/dev/null 2>"$work/plan.err") || [ $? -eq 2 ] || { echo "$0: plan ($m) failed:" >&2; tail -5 "$work/plan.err" >&2; exit 1; }
  ls "$work/cache-$m"/appcds-*.jsa >/dev/null 2>&1 || echo "bench-recording: no class-data archive for $m (runs without)" >&2
done
policies=("$work/policy-a" "$work/policy-b")
run=0
for m in "${modes[@]}"; do
  apply "$m" "${policies[$((run % 2))]}" >/dev/null; run=$((run + 1))
done
[ $((run % 2)) -eq 1 ] && { apply off "${policies[1]}" >/dev/null; run=$((run + 1)); }

declare -A walls cpus
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < ${#modes[@]}; k++)); do
    m="${modes[$(((r + k) % ${#modes[@]}))]}"
    read -r wall cpu < <(apply "$m" "${policies[$((run % 2))]}")
    run=$((run + 1))
    walls[$m]+="$wall "; cpus[$m]+="$cpu "
    echo "bench-recording: round $((r + 1)) $m: ${wall} s wall, ${cpu} s CPU; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
off_wall="$(echo "${walls[off]}" | median)"
off_cpu="$(echo "${cpus[off]}" | median)"
echo "bench-recording: off: median ${off_wall} s wall, ${off_cpu} s CPU (${walls[off]% })"
for m in "${modes[@]}"; do
  [ "$m" = off ] && continue
  w="$(echo "${walls[$m]}" | median)"
  c="$(echo "${cpus[$m]}" | median)"
  # round by round: each round ran every mode once
  read -ra mw <<<"${walls[$m]}"; read -ra ow <<<"${walls[off]}"
  ratios=""; for ((i = 0; i < ${#mw[@]}; i++)); do ratios+="$(awk -v a="${mw[$i]}" -v b="${ow[$i]}" 'BEGIN {print a / b}') "; done
  rr="$(echo "$ratios" | median)"
  awk -v m="$m" -v w="$w" -v c="$c" -v ow="$off_wall" -v oc="$off_cpu" -v rr="$rr" -v all="${walls[$m]% }" 'BEGIN {
    printf "bench-recording: %s: median %.2f s wall (%+.1f %%), %.2f s CPU (%+.1f %%); round by round %+.1f %% (%s)\n",
      m, w, (w / ow - 1) * 100, c, (c / oc - 1) * 100, (rr - 1) * 100, all }'
done
echo "bench-recording: finished $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
