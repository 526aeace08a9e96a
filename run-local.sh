#!/usr/bin/env bash
# Starts the product on its embedded default: a local agent (H2 file database, the signed demo catalog)
# and the console, already connected to it. Builds what is missing first.
#
#   ./run-local.sh [DATA_DIR]        (default DATA_DIR: ~/.nextpanel-addons/local)
#
# Environment: PORT (default 8443), THEME (light|dark).
set -euo pipefail
cd "$(dirname "$0")"

data_dir="${1:-$HOME/.nextpanel-addons/local}"
port="${PORT:-8443}"
catalog=addon-catalog/target/demo-catalog

# Builds when an output is missing or any source or pom is newer than it (so a pull is never run on stale jars).
needs_build() {
  local out
  for out in server-agent/target/server-agent.jar desktop-app/target/desktop-app.jar "$catalog/root.json"; do
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
