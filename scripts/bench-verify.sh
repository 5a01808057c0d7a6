#!/usr/bin/env bash
# The issue-2 performance benchmark: validate + compile + render + read-back + verify for N devices
# of mixed platforms (default 10,000), plus cross-platform equivalence. Prints wall time, per-device
# latency (median/p99) and peak heap; /usr/bin/time adds the process's maximum RSS.
# Usage: scripts/bench-verify.sh [--devices N] [--threads T] [--policy PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# only the documented options: VerifyBenchmark ignores a misspelt one (--device 5 ran 10,000 devices)
args=("$@")
for ((i = 0; i < ${#args[@]}; i += 2)); do
  case "${args[i]}" in
    --devices|--threads) [[ "${args[i + 1]:-}" =~ ^[1-9][0-9]*$ ]] || { echo "$0: ${args[i]} needs a positive whole number" >&2; exit 64; } ;;
    --policy) [ -n "${args[i + 1]:-}" ] || { echo "$0: --policy needs a path" >&2; exit 64; } ;;
    *) echo "usage: $0 [--devices N] [--threads T] [--policy PATH]" >&2; exit 64 ;;
  esac
done
# no -o: a fresh clone must resolve what it needs; MVN_FLAGS="-o" once everything is cached (as in the other scripts)
mvn_flags=(-q -B ${MVN_FLAGS:-})
mvn "${mvn_flags[@]}" test-compile
mvn "${mvn_flags[@]}" dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "process: max RSS %M KiB, %e s elapsed, %P CPU" java $JAVA_OPTS -cp "$CP" io.portcullis.bench.VerifyBenchmark "$@"
else
  java $JAVA_OPTS -cp "$CP" io.portcullis.bench.VerifyBenchmark "$@"
fi
