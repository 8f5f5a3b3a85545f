#!/usr/bin/env bash
# Spark against the CLI on the same generated data, and the Parquet export's size and speed:
#   bench/spark.sh [MB] [BLOBS] [REPORT...]     (default: 1000 MB in 16 blobs, `summary`)
# Two inputs: the folder (MB in BLOBS blobs, each blob one Spark task as with the default range
# size), and one big blob of MB/4 that Spark reads in byte ranges of $NSGFLOW_BENCH_RANGE (default
# 32m). On each, one after another, each timed with /usr/bin/time (wall, user and system CPU, peak RSS):
#   the CLI's REPORT with --threads 1 and 2; the Spark runner (io.nsgflow.spark.Main, plain `java -cp`
#   with Spark's jars, as spark-submit would run it) in local[1] and local[2], checked to print the
#   CLI's answer byte for byte; the data source (SparkBench: every row read once, in a job of its
#   own) in local[1] and local[2], its rows and bytes checked against the CLI's summary; on the big
#   blob, the runner with the blob read whole (one task) too. Then the Spark runner on one small
#   sample (its start-up and shut-down, to subtract); `flows -f parquet` and `flows -f ndjson` to
#   files, with their sizes.
# Generated data is kept in $NSGFLOW_BENCH_DIR (default /tmp/nsgflow-spark-bench) and reused;
# NSGFLOW_BENCH_NO_BUILD=1 skips the build (the jars of the last one are used).
# On a loaded machine compare the CPU columns; wall-clock figures need a quiet one.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mb="${1:-1000}"; blobs="${2:-16}"; shift $(( $# > 2 ? 2 : $# )) || true
report=("${@:-summary}")
[ "${#report[@]}" -gt 0 ] && [ -n "${report[0]}" ] || report=(summary)
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

if [ -z "${NSGFLOW_BENCH_NO_BUILD:-}" ]; then # set it to rerun on the jars of the last build
  echo "bench: building..." >&2
  mvn -q -B -DskipTests -pl core,spark -am package >&2 # -DskipTests still compiles the tests (the generator, SparkBench)
  mvn -q -B -pl spark dependency:build-classpath -Dmdep.outputFile="$root/spark/target/spark.classpath" >&2
fi
# Spark's own jars only: nsgflow comes from the shaded jar, test libraries are not wanted
spark_cp="$(tr ':' '\n' < spark/target/spark.classpath | grep -v -e '/io/nsgflow/' -e junit -e assertj -e duckdb \
  -e opentest4j -e apiguardian | paste -sd:)"

data="${NSGFLOW_BENCH_DIR:-/tmp/nsgflow-spark-bench}"
range="${NSGFLOW_BENCH_RANGE:-32m}"
# generate DIR MB BLOBS: a folder of generated blobs, kept for the next run
generate() {
  if [ ! -d "$1" ]; then
    echo "bench: generating $2 MB in $3 blobs under $1..." >&2
    java -cp core/target/test-classes:core/target/nsgflow.jar io.nsgflow.bench.FlowLogGenerator \
      --out "$1" --mb "$2" --blobs "$3" >&2
  fi
}
folder="$data/folder-${mb}mb-${blobs}"
big_mb=$(( mb / 4 > 0 ? mb / 4 : 1 ))
big="$data/blob-${big_mb}mb"
generate "$folder" "$mb" "$blobs"
generate "$big" "$big_mb" 1
size() { find -L "$1" -type f -name 'PT1H.json' -printf '%s\n' | awk '{s+=$1} END {print s}'; }
out="$data/out"; jars="$data/jars"; mkdir -p "$out" "$jars/classes/io/nsgflow/spark"
# run copies, so that a build during the run cannot change the jars under it
cp core/target/nsgflow.jar spark/target/nsgflow-spark.jar "$jars/"
cp spark/target/test-classes/io/nsgflow/spark/SparkBench.class "$jars/classes/io/nsgflow/spark/"
read -r -a jvm_opts < bin/jvm.options
export SPARK_LOCAL_IP=127.0.0.1

cli=(java "${jvm_opts[@]}" -jar "$jars/nsgflow.jar")
# spark MASTER RANGE: the runner's command line in that master, blobs read in ranges of RANGE
spark() {
  spark_cmd=(java -Xmx2g -Dspark.master="$1" -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1
    -Dspark.nsgflow.rangeBytes="$2" -cp "$jars/nsgflow-spark.jar:$spark_cp" io.nsgflow.spark.Main)
}
# source MASTER RANGE: the data source reading every row once
source_cmd() {
  source_cmd=(java -Xmx2g -Dspark.ui.enabled=false -cp "$jars/nsgflow-spark.jar:$jars/classes:$spark_cp"
    io.nsgflow.spark.SparkBench "$1" "$2")
}
# measure NAME INPUT-BYTES COMMAND...: one timed run, its stdout kept in $out/NAME.out; prints a table row
measure() {
  local name="$1" size="$2"; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" \
    || { echo "bench: $name failed; see $out/$name.err" >&2; exit 1; }
  read -r wall user sys rss < <(tail -1 "$out/$name.time")
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$size" 'BEGIN {
    cpu = u + s
    printf "| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f |\n", n, w, u, s, cpu, r / 1024, b / 1e6 / w, b / 1e6 / cpu }'
}
# same A B: fails the bench unless the runs A and B printed the same
same() {
  cmp -s "$out/$1.out" "$out/$2.out" || { echo "bench: $2 printed another answer than $1" >&2; exit 1; }
}
# rows INPUT: the CLI's tuples and bytes (both directions) of INPUT, as SparkBench prints them
rows() {
  "${cli[@]}" summary -q --table overview -f tsv "$1" | awk -F'\t' 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i}
    NR == 2 {print $c["tuples"] "\t" $c["bytes"]}'
}
# compare NAME INPUT RANGE: every run of the CLI, the runner and the data source on INPUT
compare() {
  local name="$1" input="$2" range="$3" bytes
  bytes="$(size "$input")"
  echo
  echo "${report[*]} on $name: $(awk -v b="$bytes" 'BEGIN {printf "%.0f", b / 1e6}') MB ($input), ranges of $range on Spark," \
    "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| run | wall s | user s | sys s | CPU s | peak RSS MB | MB/s (wall) | MB per CPU s |"
  echo "|---|---|---|---|---|---|---|---|"
  measure "$name-cli-threads-1" "$bytes" "${cli[@]}" "${report[@]}" -q --threads 1 "$input"
  measure "$name-cli-threads-2" "$bytes" "${cli[@]}" "${report[@]}" -q --threads 2 "$input"
  for n in 1 2; do
    spark "local[$n]" "$range"; measure "$name-runner-local-$n" "$bytes" "${spark_cmd[@]}" "${report[@]}" "$input"
    same "$name-cli-threads-1" "$name-runner-local-$n"
  done
  if [ "$name" = blob ]; then
    spark 'local[2]' 1t; measure "$name-runner-whole-local-2" "$bytes" "${spark_cmd[@]}" "${report[@]}" "$input"
    same "$name-cli-threads-1" "$name-runner-whole-local-2"
  fi
  rows "$input" >"$out/$name-cli-rows.out"
  for n in 1 2; do
    source_cmd "local[$n]" "$range"; measure "$name-source-local-$n" "$bytes" "${source_cmd[@]}" "$input"
    same "$name-cli-rows" "$name-source-local-$n"
  done
  echo
  echo "The runner's answers equal the CLI's byte for byte; the data source's rows and bytes, the CLI's summary's."
}

compare folder "$folder" 128m
compare blob "$big" "$range"
echo
echo "| start-up | wall s | user s | sys s | CPU s | peak RSS MB | MB/s (wall) | MB per CPU s |"
echo "|---|---|---|---|---|---|---|---|"
small="samples/nsg-v1-PT1H.json"
spark 'local[2]' 128m; measure "spark-start-local-2" "$(stat -c %s "$small")" "${spark_cmd[@]}" "${report[@]}" "$small"
bytes="$(size "$folder")"
echo
echo "| export | wall s | user s | sys s | CPU s | peak RSS MB | MB/s (wall) | MB per CPU s | size MB | JSON / size |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for f in parquet ndjson; do
  rm -f "$out/flows.$f"
  row="$(measure "flows-$f" "$bytes" "${cli[@]}" flows -q -f "$f" -o "$out/flows.$f" "$folder")"
  size="$(stat -c %s "$out/flows.$f")"
  awk -v r="$row" -v s="$size" -v b="$bytes" 'BEGIN {printf "%s %.1f | %.1fx |\n", r, s / 1e6, b / s}'
done
