#!/usr/bin/env bash
# `npm run db:migrate`: creates each service's database when missing and applies its pending
# TypeORM migrations (apps/<service>/dist/migrate.js). Expects PostgreSQL up (`npm run infra:up`);
# builds first when a service's dist is missing. infra/start.sh runs the same step.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
services=(identity marketplace reputation notifications)
for s in "${services[@]}"; do
  if [ ! -f "apps/$s/dist/migrate.js" ]; then
    echo "==> building (apps/$s/dist is missing)"
    npx nx run-many -t build --output-style=static
    break
  fi
done
echo "==> migrating"
for s in "${services[@]}"; do
  node "apps/$s/dist/migrate.js"
done
