#!/usr/bin/env bash
# Soak under faults (issue 13 item 4): `serve` as leader + follower (two JVMs) on PostgreSQL watching a lab fleet,
# with random router faults (dropped and silent sessions, slow and malformed replies, the candidate lock held on the
# router, reboots inside the confirm window, unreachable spells), out-of-band changes and CI-style applies of new
# policy revisions and of saved plans through the CLI. Prints a verdict table at the end; exit 0 when every check holds,
# 1 when one does not, 2 when the soak could not run. Results: docs/benchmarks.md ("Soak under faults").
#
#   scripts/soak.sh [MINUTES=30]      minutes of faults; set-up, drain and final checks come on top
#
# Environment: SOAK_SEED (replay a run: the seed is printed at the start and the end), SOAK_ROUTERS (1000),
# SOAK_STATE (.run/soak: inventory, policy copy, CI reports, per-process logs, resources.csv), SOAK_JAVA_OPTS
# (the driver JVM, which also hosts the lab fleet; default -Xmx3g).
# Database: the PostgreSQL lab of scripts/postgres-lab.sh (started when it is not running; POSTGRES_LAB_PORT and
# POSTGRES_LAB_STATE as there), or an existing cluster: POSTGRES_LAB_STATE pointing at a directory whose
# jdbc.properties has url, username and password-file. Each soak uses a fresh schema and drops it at the end.
#
# Runs from a fresh clone: Maven resolves what it needs (no -o; every plugin version is pinned in pom.xml);
# MVN_FLAGS="-o" makes it offline once everything is cached. Run it with `nice` on a shared machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

minutes="${1:-30}"
# minutes may be fractional (0.5); a typo is refused before Maven runs, not after the build as a Java stack trace
[[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]] && [[ ! "$minutes" =~ ^0+([.]0+)?$ ]] \
  || { echo "$0: MINUTES must be a positive number such as 30 or 0.5, not '$minutes'" >&2; exit 64; }
mvn_flags=(-q -B ${MVN_FLAGS:-})
[ -f target/quarkus-app/quarkus-run.jar ] || mvn "${mvn_flags[@]}" package -DskipTests >&2
mvn "${mvn_flags[@]}" test-compile >&2
cp_file=target/bench-classpath.txt
if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn "${mvn_flags[@]}" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi

pg="${POSTGRES_LAB_STATE:-.run/postgres}"
# a cluster set up earlier on another port (POSTGRES_LAB_PORT) is reused on that port
if [ -z "${POSTGRES_LAB_PORT:-}" ] && [ -f "$pg/jdbc.properties" ]; then
  POSTGRES_LAB_PORT="$(sed -n 's/^url=jdbc:postgresql:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$pg/jdbc.properties")"
  export POSTGRES_LAB_PORT
fi
if [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || [ "$(id -u)" -eq 0 ]; then
  POSTGRES_LAB_STATE="$pg" scripts/postgres-lab.sh status >/dev/null 2>&1 || POSTGRES_LAB_STATE="$pg" scripts/postgres-lab.sh start >&2
fi
[ -f "$pg/jdbc.properties" ] || { echo "soak: no PostgreSQL settings in $pg/jdbc.properties (run scripts/postgres-lab.sh start)" >&2; exit 2; }

cp="target/classes:target/test-classes:$(cat "$cp_file")"
exec java ${SOAK_JAVA_OPTS:--Xmx3g} -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dportcullis.postgres.lab="$pg/jdbc.properties" -cp "$cp" io.portcullis.soak.SoakMain "$minutes"
