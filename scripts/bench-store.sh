#!/usr/bin/env bash
# Run-history benchmarks (issue 9), H2 and PostgreSQL in the same run; results: docs/benchmarks.md ("Run history").
#
#   scripts/bench-store.sh history     history --router X on 1,000,000 router-run rows (target < 200 ms)
#   scripts/bench-store.sh overhead    apply to 1,000 lab routers with and without recording (target < 5 %)
#   scripts/bench-store.sh             both
#
# PostgreSQL cases need scripts/postgres-lab.sh start (they are skipped, with the reason, without it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-all}" in
  history) tests='HistoryQueryBenchTest' ;;
  overhead) tests='RecordingOverheadBenchTest' ;;
  all) tests='HistoryQueryBenchTest,RecordingOverheadBenchTest' ;;
  *) echo "usage: $0 [history|overhead]" >&2; exit 64 ;;
esac
mvn -B -q test -Dgroups=bench -DexcludedGroups= -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false >&2 || status=$?
grep -h '^BENCH' target/surefire-reports/*-output.txt 2>/dev/null || echo "no BENCH lines: see target/surefire-reports" >&2
exit "${status:-0}"
