#!/usr/bin/env bash
# The issue-2 performance benchmark: validate + compile + render + read-back + verify for N devices
# of mixed platforms (default 10,000), plus cross-platform equivalence. Prints wall time, per-device
# latency (median/p99) and peak heap; /usr/bin/time adds the process's maximum RSS.
# Usage: scripts/bench-verify.sh [--devices N] [--threads T] [--policy PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
MVN_FLAGS=${MVN_FLAGS:--q -B}  # no -o: a fresh clone must resolve what it needs
mvn $MVN_FLAGS test-compile
mvn $MVN_FLAGS dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "process: max RSS %M KiB, %e s elapsed, %P CPU" java $JAVA_OPTS -cp "$CP" io.portcullis.bench.VerifyBenchmark "$@"
else
  java $JAVA_OPTS -cp "$CP" io.portcullis.bench.VerifyBenchmark "$@"
fi
