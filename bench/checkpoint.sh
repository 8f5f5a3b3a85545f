#!/usr/bin/env bash
# Reproduces the --checkpoint figures in docs/PERFORMANCE.md ("Incremental runs"):
#   bench/checkpoint.sh [FILES] [MB]
# 1. Bytes read per incremental run against the file's size: one blob of MB megabytes (default 100)
#    read once with --checkpoint, then one record appended and read again. Bytes are counted by
#    strace (-y names the file behind each read), so only reads of the blob itself count.
# 2. Poll cost: FILES blobs (default 1000) in azcopy's hour layout, read once with --checkpoint;
#    then a run with nothing changed, and one with 10 blobs appended to: wall time of each run
#    (JVM start included) and bytes read from the blobs.
# Needs python3 (to write the blobs) and strace; data goes to /tmp/nsgflow-checkpoint-bench.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files="${1:-1000}"
mb="${2:-100}"
data=/tmp/nsgflow-checkpoint-bench
rm -rf "$data" && mkdir -p "$data"
nsgflow="$root/bin/nsgflow"
"$nsgflow" --version >/dev/null

python3 - "$root/samples/nsg-v2-PT1H.json" "$data" "$files" "$mb" <<'PY'
import json, os, sys
sample, data, files, mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
recs = [json.dumps(r, separators=(',', ':')) for r in json.load(open(sample))['records']]
body = ','.join(recs)
big = []
size = 0
while size < mb * 1_000_000:
    big.append(body)
    size += len(body) + 1
open(os.path.join(data, 'big.json'), 'w').write('{"records":[' + ','.join(big) + ']}')
open(os.path.join(data, 'record.txt'), 'w').write(recs[0])
for i in range(files):
    # one folder per copy of the container, so that each path agrees with the sample's records
    d = os.path.join(data, 'logs', 'copy%04d' % i, 'resourceId=', 'SUBSCRIPTIONS', '5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40',
                     'RESOURCEGROUPS', 'RG-PROD', 'PROVIDERS', 'MICROSOFT.NETWORK', 'NETWORKSECURITYGROUPS', 'API-NSG',
                     'y=2024', 'm=05', 'd=13', 'h=15', 'm=00', 'macAddress=000D3A9E14F8')
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'PT1H.json'), 'w').write('{"records":[' + body + ']}')
PY

# appends one record to a blob in place, before its closing ]}, as Network Watcher does
append() {
  local f="$1" size
  size=$(stat -c %s "$f")
  truncate -s $((size - 2)) "$f"
  { printf ','; cat "$data/record.txt"; printf ']}'; } >> "$f"
}

# bytes read from files under $data by the command, and its wall time
measure() {
  local start end
  rm -f "$data"/strace.*
  start=$(date +%s%N)
  # one log per thread (-ff), so that no read is split across lines by another thread's
  strace -f -ff -qq -y -e trace=read,pread64 -o "$data/strace" "$@" >/dev/null
  end=$(date +%s%N)
  bytes=$(cat "$data"/strace.* | grep -E "^(read|pread64)\([0-9]+<$data/(big.json|logs/|hours/)" \
    | sed -E 's/.*= ([0-9]+)$/\1/' | grep -E '^[0-9]+$' | paste -sd+ | bc || true)
  echo "${bytes:-0} bytes, $(( (end - start) / 1000000 )) ms (under strace)"
}

timed() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) ms"
}

ck="$data/ck"
echo "blob: $(stat -c %s "$data/big.json") bytes"
echo -n "  first run (whole blob):        "; measure "$nsgflow" flows -f csv --checkpoint "$ck.big" "$data/big.json"
append "$data/big.json"
echo -n "  after one appended record:     "; measure "$nsgflow" flows -f csv --checkpoint "$ck.big" "$data/big.json"
echo -n "  nothing new:                   "; measure "$nsgflow" flows -f csv --checkpoint "$ck.big" "$data/big.json"

echo "$files blobs of $(stat -c %s "$(find "$data/logs" -name PT1H.json | head -1)") bytes:"
echo -n "  first run (all blobs):         "; timed "$nsgflow" flows -f csv --checkpoint "$ck.poll" "$data/logs"
echo -n "  nothing changed:               "; timed "$nsgflow" flows -f csv --checkpoint "$ck.poll" "$data/logs"
echo -n "  no checkpoint, all blobs:      "; timed "$nsgflow" flows -f csv "$data/logs"
for f in $(find "$data/logs" -name PT1H.json | sort | head -10); do append "$f"; done
echo -n "  10 blobs appended to:          "; timed "$nsgflow" flows -f csv --checkpoint "$ck.poll" "$data/logs"
for f in $(find "$data/logs" -name PT1H.json | sort | head -10); do append "$f"; done
echo -n "  10 appended, bytes read:       "; measure "$nsgflow" flows -f csv --checkpoint "$ck.poll" "$data/logs"
echo -n "  nothing changed, bytes read:   "; measure "$nsgflow" flows -f csv --checkpoint "$ck.poll" "$data/logs"
echo "  checkpoint file: $(stat -c %s "$ck.poll") bytes for $files blobs"

# 3. Poll cost over hours: 1,000 blobs (FILES) laid out as Network Watcher writes them, 10 NSGs
#    with one blob an hour each (FILES/10 hours, records' times moved to their blob's hour); 10
#    blobs changed (the newest hour of each NSG; the appended record is the sample's, so its time
#    and NSG draw a warning). CPU time (user+sys, /usr/bin/time) and bytes read.
python3 - "$root/samples/nsg-v2-PT1H.json" "$data" "$files" <<'PY'
import json, os, sys, datetime
sample, data, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
recs = json.load(open(sample))['records']
start = datetime.datetime(2026, 11, 1, 0)
hours = files // 10
for n in range(10):
    for h in range(hours):
        t = start + datetime.timedelta(hours=h)
        d = os.path.join(data, 'hours', 'insights-logs-networksecuritygroupflowevent', 'resourceId=', 'SUBSCRIPTIONS',
                         '5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40', 'RESOURCEGROUPS', 'RG-PROD', 'PROVIDERS', 'MICROSOFT.NETWORK',
                         'NETWORKSECURITYGROUPS', 'NSG-%02d' % n, t.strftime('y=%Y'), t.strftime('m=%m'), t.strftime('d=%d'),
                         t.strftime('h=%H'), 'm=00', 'macAddress=000D3A9E14F8')
        os.makedirs(d, exist_ok=True)
        body = ','.join(json.dumps(dict(r, time=t.strftime('%Y-%m-%dT%H') + r['time'][13:]), separators=(',', ':')) for r in recs)
        open(os.path.join(d, 'PT1H.json'), 'w').write('{"records":[' + body + ']}')
PY
newest() { # the blobs of the newest hour, one per NSG
  local hour
  hour=$(find "$data/hours" -path '*NSG-00/*' -name PT1H.json | sort | tail -1 | grep -o 'y=[0-9]*/m=[0-9]*/d=[0-9]*/h=[0-9]*')
  find "$data/hours" -path "*/$hour/*" -name PT1H.json | sort
}
cpu() { /usr/bin/time -f "%U+%S s CPU, %e s wall" "$@" 2>&1 >/dev/null | tail -1; }
echo "$files blobs over $((files / 10)) hours of 10 NSGs, local folder:"
echo -n "  first run (all blobs):         "; cpu "$nsgflow" flows -f csv --checkpoint "$ck.hours" "$data/hours"
echo -n "  nothing changed:               "; cpu "$nsgflow" flows -f csv --checkpoint "$ck.hours" "$data/hours"
for f in $(newest); do append "$f"; done
echo -n "  10 blobs appended to:          "; cpu "$nsgflow" flows -f csv --checkpoint "$ck.hours" "$data/hours"
for f in $(newest); do append "$f"; done
echo -n "  10 appended, bytes read:       "; measure "$nsgflow" flows -f csv --checkpoint "$ck.hours" "$data/hours"
echo "  checkpoint file: $(stat -c %s "$ck.hours") bytes"

# 4. The same blobs in Azurite (when installed, as .ci/run installs it): requests and bytes are
#    counted by nsgflow's --debug line ("storage requests and bytes received").
source "$root/bench/azurite.sh"
azurite_start "$data" || { echo "part 4 skipped"; exit 0; }
(cd "$root" && mvn -q -B -o -DskipTests -pl core test-compile >&2)
upload_cp="$root/core/target/test-classes:$root/core/target/nsgflow.jar"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$upload_cp" io.nsgflow.bench.UploadFolder "$AZURE_STORAGE_CONNECTION_STRING" "$data/hours"
url="$endpoint/insights-logs-networksecuritygroupflowevent"
requests() { "$nsgflow" "$@" --debug 2>&1 >/dev/null | grep -o 'storage requests and bytes received: .*' || true; }
echo "$files blobs over $((files / 10)) hours of 10 NSGs, Azurite (each line: one run, in its own JVM):"
echo -n "  first run (all blobs):         "; cpu "$nsgflow" flows -f csv --checkpoint "$ck.azurite" "$url"
echo -n "  nothing changed:               "; cpu "$nsgflow" flows -f csv --checkpoint "$ck.azurite" "$url"
echo -n "  nothing changed, requests:     "; requests flows -f csv --checkpoint "$ck.azurite" "$url"
rm -rf "$data/changed"
for f in $(newest); do append "$f"; rel="${f#"$data/hours/"}"; mkdir -p "$data/changed/$(dirname "$rel")"; cp "$f" "$data/changed/$rel"; done
java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$upload_cp" io.nsgflow.bench.UploadFolder "$AZURE_STORAGE_CONNECTION_STRING" "$data/changed"
echo -n "  10 blobs appended to:          "; cpu "$nsgflow" flows -f csv --checkpoint "$ck.azurite" "$url"
for f in $(newest); do append "$f"; rel="${f#"$data/hours/"}"; cp "$f" "$data/changed/$rel"; done
java -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$upload_cp" io.nsgflow.bench.UploadFolder "$AZURE_STORAGE_CONNECTION_STRING" "$data/changed"
echo -n "  10 appended, requests:         "; requests flows -f csv --checkpoint "$ck.azurite" "$url"
echo -n "  no checkpoint, requests:       "; requests flows -f csv "$url"
