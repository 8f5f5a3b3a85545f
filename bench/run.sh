#!/usr/bin/env bash
# Reproduces every figure in docs/PERFORMANCE.md, in one run:
#   bench/run.sh                 # modest: a 100 MB blob, a 200 MB folder of 16 blobs, start-up
#   bench/run.sh --big           # the figures of record: adds the 1 GB blob, the folder is 1 GB
# Options go before the sizes (see Benchmark.java): --runs N, --big-runs N, --jq-runs N, --no-jq,
# --data DIR (generated data, default /tmp/nsgflow-bench), --blobs N, --folder-mb N,
# --only blob|enrich|folder|startup. nsgflow runs as users run it (bin/nsgflow); the floor runs with the
# same JVM options (bin/jvm.options). Tables are printed and kept in bench/out/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench: installing $1 with apt-get..." >&2
  $sudo apt-get install -y -q "$1" >&2
}
command -v jq >/dev/null 2>&1 || install jq
[ -x /usr/bin/time ] || install time

echo "bench: building..." >&2
mvn -q -B -DskipTests -pl core -am package >&2
exec java -cp core/target/test-classes:core/target/nsgflow.jar io.nsgflow.bench.Benchmark "$@"
