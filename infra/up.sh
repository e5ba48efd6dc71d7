#!/usr/bin/env bash
# Starts what every run needs: a real Kafka broker and a reachable PostgreSQL.
set -euo pipefail
. "$(dirname "$0")/env.sh"
ensure_deps
echo "==> PostgreSQL"
node "$ROOT/infra/postgres/ensure-postgres.mjs"
echo "==> Kafka"
bash "$ROOT/infra/kafka/kafka.sh" start
