#!/usr/bin/env bash
# Starts the whole system on this machine (README "Quick start"): dependencies, Kafka,
# PostgreSQL, build, migrations, every service and the web client, demo data; prints URLs and demo logins.
# Stays in the foreground; Ctrl-C stops the services (Kafka and the SMTP server keep running: `npm run infra:down`).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
logs="$PAYFORWARD_CACHE/logs"
mkdir -p "$logs"

bash infra/up.sh
echo "==> building"
npx nx run-many -t build --output-style=static >"$logs/build.log" 2>&1 || { tail -50 "$logs/build.log"; exit 1; }

# Subgraphs first: the gateway reads their schemas when it starts.
services=(identity marketplace reputation notifications gateway)
bash infra/migrate.sh

pids=()
stop_all() {
  echo; echo "==> stopping services"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

port_of() { local v="${1^^}_PORT"; echo "${!v}"; }
# await_up NAME PORT PATH: waits (up to two minutes) until the last started process answers; stops if it exits.
await_up() {
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$2$3" >/dev/null 2>&1 && { echo "    $1 up on :$2 (log: $logs/$1.log)"; return; }
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "$1 exited; last log lines:"; tail -30 "$logs/$1.log"; exit 1; }
    sleep 0.5
  done
  echo "$1 did not answer on :$2 within two minutes; last log lines:"; tail -30 "$logs/$1.log"; exit 1
}
for s in "${services[@]}"; do
  node "apps/$s/dist/main.js" >>"$logs/$s.log" 2>&1 &
  pids+=($!)
  await_up "$s" "$(port_of "$s")" /health
done

# The web client: its build served by `vite preview`, which proxies /graphql (HTTP and WebSocket) to the gateway.
(cd apps/web && PAYFORWARD_GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" exec node ../../node_modules/vite/bin/vite.js preview --port "$WEB_PORT" --strictPort) >>"$logs/web.log" 2>&1 &
pids+=($!)
await_up web "$WEB_PORT" /

echo "==> seeding demo data"
node infra/seed/seed.mjs "http://127.0.0.1:$GATEWAY_PORT/graphql"

cat <<MSG

Payforward is running.
  web client        http://localhost:$WEB_PORT   (sign in with a demo login below)
  GraphQL gateway   http://localhost:$GATEWAY_PORT/graphql   (GraphiQL: http://localhost:$GATEWAY_PORT/graphiql)
  identity          http://localhost:$IDENTITY_PORT/graphql
  marketplace       http://localhost:$MARKETPLACE_PORT/graphql
  reputation        http://localhost:$REPUTATION_PORT/graphql
  notifications     http://localhost:$NOTIFICATIONS_PORT/graphql
  health            http://localhost:<port>/health and /health/ready
  Kafka             $KAFKA_BROKERS        PostgreSQL  $PGHOST:$PGPORT
  mail inbox        http://localhost:$MAIL_WEB_PORT   (every mail sent to $SMTP_URL lands here)
  logs              $logs
Demo logins are printed above. Ctrl-C stops the services.
MSG
wait
