#!/usr/bin/env bash
# `npm run bench`: starts Kafka and PostgreSQL when needed, builds, runs every benchmark.
# Pass --quick for a short run.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
bash infra/up.sh
npx nx run-many -t build --output-style=static >/dev/null
PAYFORWARD_ROOT="$ROOT" node apps/bench/dist/main.js "$@"
