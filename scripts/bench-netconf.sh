#!/usr/bin/env bash
# NETCONF benchmarks (issue 3). Results and how to read them: docs/benchmarks.md.
#
#   scripts/bench-netconf.sh cycle [N]     per-router cycle against the real netconfd: ours vs ncclient, same run
#   scripts/bench-netconf.sh warm [N]      warm-session get-config round trip against one simulated router
#   scripts/bench-netconf.sh fleet [N] [C] N simulated routers (default 1000): connect+hello+get-config, concurrency C
#   scripts/bench-netconf.sh lost [N] [ours|ncclient|both]
#                                          lost-reply harness against netconfd: N back-to-back sessions (connect,
#                                          hello, lock, edit-config, unlock, close-session), counts per RPC
#   scripts/bench-netconf.sh floor [N]     server-side floor: connect + hello + close with OpenSSH's own ssh client
#
# Runs from a fresh clone: Maven resolves what it needs (no -o; every plugin version is pinned in pom.xml).
# MVN_FLAGS="-o" makes it offline once everything is cached.
#
# The Java side are main classes under src/test/java/io/portcullis/bench (not timed unit tests). `cycle` starts
# netconfd with scripts/netconfd-lab.sh when it is not running (and leaves it running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

what="${1:-}"; shift || true
case "$what" in cycle|warm|fleet|lost|floor) ;; *) echo "usage: $0 cycle|warm|fleet|lost|floor [args]" >&2; exit 64 ;; esac
# a mistyped argument is refused before Maven runs (it used to surface as a Java stack trace after the build)
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$0: $1 must be a positive whole number, not '$2'" >&2; exit 64; }; }
[ -z "${1:-}" ] || positive N "$1"
if [ "$what" = fleet ] && [ -n "${2:-}" ]; then positive C "$2"; fi
# `lost N foo` used to run neither harness and exit 0
if [ "$what" = lost ]; then case "${2:-both}" in ours|ncclient|both) ;; *) echo "usage: $0 lost [N] [ours|ncclient|both]" >&2; exit 64 ;; esac; fi

mvn_flags=(-q -B ${MVN_FLAGS:-})
mvn "${mvn_flags[@]}" test-compile >&2
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn "${mvn_flags[@]}" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
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
  lost)
    n="${1:-200}"; who="${2:-both}"
    scripts/netconfd-lab.sh status >/dev/null 2>&1 || scripts/netconfd-lab.sh start
    state="${NETCONFD_LAB_STATE:-.run/netconfd}"
    props="$state/server.properties"
    prop() { sed -n "s/^$1=//p" "$props"; }
    if [ "$who" = ours ] || [ "$who" = both ]; then
      java "${java_opts[@]}" -cp "$cp" io.portcullis.bench.LostReplyHarness --state "$state" --iterations "$n"
    fi
    if [ "$who" = ncclient ] || [ "$who" = both ]; then
      /usr/bin/python3 scripts/bench/ncclient_lost_replies.py --host "$(prop host)" --port "$(prop port)" \
        --username "$(prop username)" --password-file "$(prop password-file)" --known-hosts "$(prop known-hosts)" \
        --iterations "$n"
    fi
    ;;
  floor)
    scripts/netconfd-lab.sh status >/dev/null 2>&1 || scripts/netconfd-lab.sh start
    state="${NETCONFD_LAB_STATE:-.run/netconfd}"
    /usr/bin/python3 scripts/bench/openssh_floor.py --state "$state" --iterations "${1:-100}"
    ;;
esac
