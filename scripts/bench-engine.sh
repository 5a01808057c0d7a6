#!/usr/bin/env bash
# Engine benchmarks (issue 4): plan/apply of N simulated routers with --parallel P, event-driven drift
# alert latency, heap with N routers watched. Results: docs/benchmarks.md ("Engine" section).
#
#   scripts/bench-engine.sh [N=1000] [P=100]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# no -o: a fresh clone must resolve what it needs (MVN_FLAGS="-o" once everything is cached)
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
positive N "${1:-1000}"; positive P "${2:-100}"
mvn_flags=(-q -B ${MVN_FLAGS:-})
mvn "${mvn_flags[@]}" test-compile >&2
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn "${mvn_flags[@]}" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi
cp="target/classes:target/test-classes:$(cat "$cp_file")"
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$cp" io.portcullis.bench.EngineBench "${1:-1000}" "${2:-100}"
