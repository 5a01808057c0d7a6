#!/usr/bin/env bash
# NETCONF benchmarks (issue 3). Results and how to read them: docs/benchmarks.md.
#
#   scripts/bench-netconf.sh cycle [N]     per-router cycle against the real netconfd: ours vs ncclient, same run
#   scripts/bench-netconf.sh warm [N]      warm-session get-config round trip against one simulated router
#   scripts/bench-netconf.sh fleet [N] [C] N simulated routers (default 1000): connect+hello+get-config, concurrency C
#
# The Java side are main classes under src/test/java/io/portcullis/bench (not timed unit tests). `cycle` starts
# netconfd with scripts/netconfd-lab.sh when it is not running (and leaves it running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

what="${1:-}"; shift || true
case "$what" in cycle|warm|fleet) ;; *) echo "usage: $0 cycle|warm|fleet [args]" >&2; exit 64 ;; esac

mvn -q -B -o test-compile >&2
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi
cp="target/classes:target/test-classes:$(cat "$cp_file")"
java_opts=(${BENCH_JAVA_OPTS:--Xmx2g} -Djava.util.logging.manager=org.jboss.logmanager.LogManager)

case "$what" in
  cycle)
    n="${1:-20}"
    scripts/netconfd-lab.sh status >/dev/null 2>&1 || scripts/netconfd-lab.sh start
    state="${NETCONFD_LAB_STATE:-.run/netconfd}"
    java "${java_opts[@]}" -cp "$cp" io.portcullis.bench.CycleBench --state "$state" --iterations "$n" \
      --ncclient scripts/bench/ncclient_cycle.py
    ;;
  warm)
    java "${java_opts[@]}" -cp "$cp" io.portcullis.bench.WarmGetConfigBench --iterations "${1:-2000}"
    ;;
  fleet)
    java "${java_opts[@]}" -cp "$cp" io.portcullis.bench.FleetBench --devices "${1:-1000}" --concurrency "${2:-64}"
    ;;
esac
