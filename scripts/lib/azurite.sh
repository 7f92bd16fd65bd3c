# Shared by scripts/test.sh and scripts/demo.sh: install the Azurite pinned in package-lock.json, and start/stop it.
# Source it from the repository root.

# Installs node_modules from package-lock.json when it is missing or older than the lockfile.
azurite_install() {
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci (Azurite, pinned in package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Prints a TCP port that is free right now.
azurite_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Starts Azurite in memory on free ports and exports AzureWebJobsStorage for it. AZURITE_PID holds its process.
azurite_start() {
  local blob queue table
  blob=$(azurite_free_port); queue=$(azurite_free_port); table=$(azurite_free_port)
  AZURITE_DIR=$(mktemp -d)
  (cd "$AZURITE_DIR" && exec node "$OLDPWD/node_modules/azurite/dist/src/azurite.js" \
      --inMemoryPersistence --skipApiVersionCheck --loose --silent \
      --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
      --tableHost 127.0.0.1 --tablePort "$table") >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  for port in "$blob" "$queue" "$table"; do
    for _ in $(seq 1 100); do
      if node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then
        break
      fi
      if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
        echo "Azurite did not start:" >&2; cat "$AZURITE_DIR/azurite.log" >&2; return 1
      fi
      sleep 0.1
    done
  done
  echo "==> Azurite (in memory) on blob $blob, queue $queue, table $table"
}

azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  [ -n "${AZURITE_DIR:-}" ] && rm -rf "$AZURITE_DIR"
  AZURITE_PID=""
}
