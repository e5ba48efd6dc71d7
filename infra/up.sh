#!/usr/bin/env bash
# Starts what every run needs: a real Kafka broker, a reachable PostgreSQL and the local SMTP server.
set -euo pipefail
. "$(dirname "$0")/env.sh"
ensure_deps
echo "==> PostgreSQL"
node "$ROOT/infra/postgres/ensure-postgres.mjs"
echo "==> Kafka"
bash "$ROOT/infra/kafka/kafka.sh" start
echo "==> SMTP server (maildev)"
bash "$ROOT/infra/mail/maildev.sh" start
