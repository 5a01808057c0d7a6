#!/usr/bin/env bash
# Run-history benchmarks (issue 9), H2 and PostgreSQL in the same run; results: docs/benchmarks.md ("Run history").
#
#   scripts/bench-store.sh history     history --router X on 1,000,000 router-run rows (target < 200 ms)
#   scripts/bench-store.sh overhead    apply to 1,000 lab routers with and without recording (target < 5 %)
#   scripts/bench-store.sh             both
#
# Extra JVM system properties go through BENCH_PROPS, e.g. BENCH_PROPS="-Dbench.routers=100 -Dbench.rounds=2".
# PostgreSQL cases need scripts/postgres-lab.sh start (they are skipped, with the reason, without it).
# No -o here: a fresh clone resolves what it needs (MVN_FLAGS=-o once the Maven cache is warm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-all}" in
  history) tests='HistoryQueryBenchTest' ;;
  overhead) tests='RecordingOverheadBenchTest' ;;
  all) tests='HistoryQueryBenchTest,RecordingOverheadBenchTest' ;;
  *) echo "usage: $0 [history|overhead]" >&2; exit 64 ;;
esac
# stale output of an earlier run must not pass for this one's
rm -f target/surefire-reports/*HistoryQueryBenchTest* target/surefire-reports/*RecordingOverheadBenchTest*
echo "bench-store: $(date -u +%FT%TZ), $(uptime)" >&2
status=0
# the in-JVM lab fleet of 1,000 routers and the CLI share one heap
mvn -B -q ${MVN_FLAGS:-} test -Dgroups=bench -DexcludedGroups= -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx3g ${BENCH_PROPS:-}" >&2 || status=$?
echo "bench-store: finished $(date -u +%FT%TZ), $(uptime)" >&2
grep -h '^BENCH' target/surefire-reports/*-output.txt 2>/dev/null || echo "no BENCH lines: see target/surefire-reports" >&2
exit "$status"
