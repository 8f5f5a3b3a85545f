# Sourced by the benchmarks that read from a storage account: azurite_start DIR starts Azurite
# (installed by .ci/run under $NSGFLOW_AZURITE_HOME) on 127.0.0.1 and a free port, with its data
# in DIR, stops it when the script exits, waits until it answers, and sets $endpoint and
# AZURE_STORAGE_CONNECTION_STRING (Azurite's public development key). Returns 1 when Azurite is
# not installed.
azurite_start() {
  local dir="$1" home main port
  home="${NSGFLOW_AZURITE_HOME:-/opt/nsgflow-ci/azurite}"
  main="$home/node_modules/azurite/dist/src/blob/main.js"
  if [ ! -f "$main" ]; then
    echo "bench: Azurite is not installed in $home (run .ci/run or npm install --prefix $home azurite@3.37.0)" >&2
    return 1
  fi
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  node "$main" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir/azurite" --skipApiVersionCheck --loose \
    --silent --disableTelemetry >"$dir/azurite.log" 2>&1 &
  azurite_pid=$!
  trap 'kill $azurite_pid 2>/dev/null; wait $azurite_pid 2>/dev/null' EXIT
  endpoint="http://127.0.0.1:$port/devstoreaccount1"
  export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$endpoint;"
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
}
