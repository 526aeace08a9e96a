#!/usr/bin/env bash
# Starts the product on its embedded default: a local agent (H2 file database, the signed demo catalog)
# and the console, already connected to it. Builds what is missing first.
#
#   ./run-local.sh [DATA_DIR]        (default DATA_DIR: ~/.nextpanel-addons/local)
#
# Environment: PORT (default 8443), THEME (light|dark).
#
# The agent and the console use a copy of the demo catalog in DATA_DIR/demo-catalog, not the build's
# addon-catalog/target/demo-catalog: `./mvnw verify` deletes and republishes that one in place, and an agent
# reading it meanwhile would miss a package. Each start refreshes the copy when the build's catalog differs
# from it and verifies; while a build is republishing it, the copy from the last start is kept.
set -euo pipefail
cd "$(dirname "$0")"

data_dir="${1:-$HOME/.nextpanel-addons/local}"
port="${PORT:-8443}"
build_catalog=addon-catalog/target/demo-catalog
catalog="$data_dir/demo-catalog"

# Builds when an output is missing or any source or pom is newer than it (so a pull is never run on stale jars).
needs_build() {
  local out
  for out in server-agent/target/server-agent.jar desktop-app/target/desktop-app.jar addon-catalog/target/addon-catalog.jar \
             "$build_catalog/root.json"; do
    [ -f "$out" ] || return 0
    [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
            -type f -newer "$out" -print -quit)" ] && return 0
  done
  return 1
}
if needs_build; then
  echo "Building what is missing or out of date (a few minutes the first time) ..."
  ./mvnw -B -q -DskipTests package
fi

mkdir -p "$data_dir"

# Refreshes DATA_DIR/demo-catalog from the build's catalog when that one differs and verifies (signatures, hashes,
# every package), swapping whole directories so that the copy is never half old, half new.
copy_catalog() {
  local fresh="$data_dir/demo-catalog.new" check="$data_dir/demo-catalog.check.log"
  if [ -f "$catalog/timestamp.json" ] && diff -rq "$build_catalog" "$catalog" >/dev/null 2>&1; then
    echo "Demo catalog: $catalog (as built)"
    return 0
  fi
  rm -rf "$fresh"
  if [ -f "$build_catalog/timestamp.json" ] && cp -R "$build_catalog" "$fresh" 2>/dev/null \
     && java -jar addon-catalog/target/addon-catalog.jar verify --catalog "$fresh" --root "$fresh/root.json" >"$check" 2>&1; then
    rm -rf "$catalog.old"
    if [ -d "$catalog" ]; then mv "$catalog" "$catalog.old"; fi
    mv "$fresh" "$catalog"
    rm -rf "$catalog.old" "$check"
    echo "Demo catalog: copied $build_catalog to $catalog"
    return 0
  fi
  rm -rf "$fresh"
  if [ -f "$catalog/timestamp.json" ]; then
    echo "Demo catalog: $build_catalog is missing or does not verify (a build is republishing it?);" \
         "keeping the copy from the last start in $catalog"
    if [ -f "$check" ]; then sed 's/^/  /' "$check" | head -3; rm -f "$check"; fi
    return 0
  fi
  echo "No usable demo catalog: $build_catalog is missing or does not verify, and $data_dir has no copy yet." >&2
  if [ -f "$check" ]; then cat "$check" >&2; rm -f "$check"; fi
  echo "Run ./mvnw -B -DskipTests package (or wait for the running build), then start again." >&2
  return 1
}
copy_catalog
log="$data_dir/agent.log"
echo "Starting the agent on https://127.0.0.1:$port (data: $data_dir, log: $log) ..."
java -jar server-agent/target/server-agent.jar serve \
  --data-dir "$data_dir" --port "$port" --bind 127.0.0.1 \
  --catalog "$catalog" --trust-root "$catalog/root.json" >"$log" 2>&1 &
agent_pid=$!
trap 'kill -TERM "$agent_pid" 2>/dev/null; wait "$agent_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  grep -q "listening on https://" "$log" 2>/dev/null && break
  if ! kill -0 "$agent_pid" 2>/dev/null; then
    echo "The agent did not start:" >&2; cat "$log" >&2; exit 1
  fi
  sleep 0.5
done
grep -q "listening on https://" "$log" || { echo "The agent did not answer within 60 s; see $log" >&2; exit 1; }

echo "Opening the console ..."
# C1 only, as the packaged console starts (installers' ConsolePackager): the first catalog load takes half the time.
java -XX:TieredStopAtLevel=1 -jar desktop-app/target/desktop-app.jar \
  --server "https://127.0.0.1:$port" --name "Local agent" \
  --token-file "$data_dir/admin.token" --fingerprint-file "$data_dir/tls.sha256" \
  --catalog "$catalog" --trust-root "$catalog/root.json" \
  --theme "${THEME:-light}"
