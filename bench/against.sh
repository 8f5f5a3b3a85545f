#!/usr/bin/env bash
# Compares this checkout's speed with another revision's, on the same machine in the same run:
#   bench/against.sh ebdfd2c            # issue 10's bar: the build before the typed results
#   bench/against.sh --runs 5 HEAD~3
# Builds REV in a temporary git worktree, then runs each command with both jars, interleaved
# (old, new, old, new...), as `java $(cat bin/jvm.options) -jar JAR` (no class-data archive for
# either, so start-up is compared too), and prints the median wall time, user+sys CPU and peak RSS.
# Data: what bench/run.sh generated (--data DIR, default /tmp/nsgflow-bench); the 1 GB folder and
# blob rows need `bench/run.sh --big` to have run once. Output goes to /dev/null (answers are not
# compared: a revision may print them otherwise).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=3
data=/tmp/nsgflow-bench
while [ $# -gt 1 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: bench/against.sh [--runs N] [--data DIR] REV" >&2; exit 2; }
rev="$(git rev-parse --short "$1")"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
[ -f "$data/v2-100MB-seed1.json" ] || { echo "bench: no data in $data: run bench/run.sh (or --big) once" >&2; exit 2; }

old="$(mktemp -d)"
trap 'git worktree remove --force "$old/tree" >/dev/null 2>&1 || true; rm -rf "$old"' EXIT
echo "bench: building $rev and this checkout..." >&2
git worktree add --detach -q "$old/tree" "$rev"
(cd "$old/tree" && mvn -q -B -o -DskipTests -pl core -am package >&2)
mvn -q -B -o -DskipTests -pl core -am package >&2
jars=("$old/tree/core/target/nsgflow.jar" "core/target/nsgflow.jar")
read -r -a jvm < bin/jvm.options

commands=(
  "summary $data/v2-100MB-seed1.json"
  "top --by src --metric bytes -f tsv $data/v2-100MB-seed1.json"
  "flows -f ndjson $data/v2-100MB-seed1.json"
  "summary $data/v2-1MB-seed1.json"
)
folder="$data/folder-v2-16x-1000MB-seed1"
if [ -d "$folder" ]; then
  commands+=("top --by src --metric bytes -f tsv --threads 1 $folder" "top --by src --metric bytes -f tsv --threads 2 $folder"
    "summary --threads 2 $folder")
fi
[ -f "$data/v2-1000MB-seed1.json" ] && commands+=("top --by src --metric bytes -f tsv $data/v2-1000MB-seed1.json")

# median of the numbers on stdin
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

echo "| command | $rev | this checkout | change |"
echo "|---|---:|---:|---:|"
for cmd in "${commands[@]}"; do
  read -r -a args <<< "$cmd"
  wall=("" "") cpu=("" "") rss=("" "")
  for ((r = 0; r <= runs; r++)); do # run 0 warms the page cache and is not counted
    for j in 0 1; do
      t="$(mktemp)"
      /usr/bin/time -o "$t" -f '%e %U %S %M' java "${jvm[@]}" -jar "${jars[$j]}" "${args[@]}" >/dev/null 2>&1 || true
      if [ "$r" -gt 0 ]; then
        read -r e u s m < "$t"
        wall[$j]+="$e"$'\n'
        cpu[$j]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')"$'\n'
        rss[$j]+="$m"$'\n'
      fi
      rm -f "$t"
    done
  done
  cells=()
  for j in 0 1; do
    w="$(printf '%s' "${wall[$j]}" | median)"
    c="$(printf '%s' "${cpu[$j]}" | median)"
    m="$(printf '%s' "${rss[$j]}" | median)"
    cells+=("$(printf '%.2f s (%.2f s CPU, %d MB)' "$w" "$c" "$((${m%.*} / 1024))")")
    [ "$j" -eq 0 ] && w0="$w" || w1="$w"
  done
  echo "| \`${cmd//$data\//}\` | ${cells[0]} | ${cells[1]} | $(awk -v a="$w0" -v b="$w1" 'BEGIN {printf "%+.2f s", b - a}') |"
done
