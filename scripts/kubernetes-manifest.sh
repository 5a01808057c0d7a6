#!/usr/bin/env bash
# Regenerates deploy/kubernetes/portcullis.yaml: `mvn package` has quarkus-kubernetes write target/kubernetes/kubernetes.yml
# from the quarkus.kubernetes.* keys in src/main/resources/application.properties and src/main/kubernetes/kubernetes.yml;
# this copies it below the checked-in file's comment header. GeneratedManifestTest fails while the two differ.
#
#   scripts/kubernetes-manifest.sh        (MVN_FLAGS="-o" once everything is cached)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B ${MVN_FLAGS:-} package -DskipTests >&2
out=deploy/kubernetes/portcullis.yaml
header="$(sed -n '/^#/p;/^[^#]/q' "$out")"
{ printf '%s\n' "$header"; cat target/kubernetes/kubernetes.yml; } > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out" >&2
