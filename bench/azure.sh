#!/usr/bin/env bash
# Reading from a storage account against reading the same blobs on disk, on one machine:
#   bench/azure.sh [MB] [BLOBS] [RUNS]     (default 200 MB in 8 blobs, 3 runs each)
# Starts Azurite (installed by .ci/run under $NSGFLOW_AZURITE_HOME) on 127.0.0.1 and a free port,
# uploads a generated folder, then times `summary` on the container URL and on the folder, and
# prints the median seconds and MB/s of each. Azurite is stopped at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mb="${1:-200}"; blobs="${2:-8}"; runs="${3:-3}"

echo "bench: building..." >&2
mvn -q -B -DskipTests -pl core -am package test-compile >&2
cp="core/target/test-classes:core/target/nsgflow.jar"
data="$(mktemp -d /tmp/nsgflow-azure-bench.XXXXXX)"
source bench/azurite.sh
azurite_start "$data" || exit 1
trap 'kill $azurite_pid 2>/dev/null; wait $azurite_pid 2>/dev/null; rm -rf "$data"' EXIT

java -cp "$cp" io.nsgflow.bench.FlowLogGenerator --out "$data/folder" --mb "$mb" --blobs "$blobs" >/dev/null
container=insights-logs-networksecuritygroupflowevent
bytes="$(find "$data/folder" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$cp" io.nsgflow.bench.UploadFolder "$AZURE_STORAGE_CONNECTION_STRING" "$data/folder"

read -r -a jvm_opts < bin/jvm.options
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_one() { # prints seconds of one run of: summary ARGS
  local start end
  start=$(date +%s.%N)
  java "${jvm_opts[@]}" -jar core/target/nsgflow.jar summary -q "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
echo "| input | median s | MB/s |"
echo "|---|---|---|"
for what in disk azurite; do
  arg="$data/folder/$container"; [ "$what" = azurite ] && arg="$endpoint/$container"
  s=$(for _ in $(seq "$runs"); do time_one "$arg"; done | median)
  printf '| %s (%d blobs, %.0f MB) | %.2f | %.1f |\n' "$what" "$blobs" "$(echo "$bytes/1000000" | bc -l)" "$s" "$(echo "$bytes/1000000/$s" | bc -l)"
done
