# Default settings for local runs and tests; every one can be overridden from the environment.
# Sourced by infra/*.sh. The services read the same variables (README "Configuration").
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PAYFORWARD_CACHE="${PAYFORWARD_CACHE:-$ROOT/.cache}"
# Node 24 LTS, installed into the cache when the machine's node is older (infra/node.sh).
. "$ROOT/infra/node.sh"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
# Ignored by a trust-auth server; the embedded fallback server uses it.
export PGPASSWORD="${PGPASSWORD:-postgres}"
export KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-$KAFKA_HOST:$KAFKA_PORT}"
export GATEWAY_PORT="${GATEWAY_PORT:-4000}"
export IDENTITY_PORT="${IDENTITY_PORT:-4001}"
export MARKETPLACE_PORT="${MARKETPLACE_PORT:-4002}"
export REPUTATION_PORT="${REPUTATION_PORT:-4003}"
export NOTIFICATIONS_PORT="${NOTIFICATIONS_PORT:-4004}"
export WEB_PORT="${WEB_PORT:-4200}"
# The local SMTP server with a web inbox (infra/mail/maildev.sh, ADR 016); services send mail to SMTP_URL.
export MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}"
export MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$MAIL_SMTP_PORT}"
export MAIL_API_URL="${MAIL_API_URL:-http://127.0.0.1:$MAIL_WEB_PORT}"
# Links in mail (ADR 017): pages of the web client, and API links (unsubscribe, calendar feed) the gateway forwards.
export PUBLIC_WEB_URL="${PUBLIC_WEB_URL:-http://localhost:${WEB_PORT:-4200}}"
export PUBLIC_API_URL="${PUBLIC_API_URL:-http://localhost:${GATEWAY_PORT:-4000}}"
# The local run's first admin (DESIGN §4); the demo seed prints this login. Production sets its own.
export PAYFORWARD_ADMIN_EMAIL="${PAYFORWARD_ADMIN_EMAIL:-admin@demo.payforward.dev}"
export PAYFORWARD_ADMIN_PASSWORD="${PAYFORWARD_ADMIN_PASSWORD:-payforward-demo-2026}"
# The demo seed registers dozens of members from this machine; deployments keep the defaults (ADR 007).
export RATE_LIMIT_REGISTER_PER_HOUR="${RATE_LIMIT_REGISTER_PER_HOUR:-1000}"
export RATE_LIMIT_LOGIN_PER_MINUTE="${RATE_LIMIT_LOGIN_PER_MINUTE:-1000}"
export RATE_LIMIT_REQUEST_HELP_PER_HOUR="${RATE_LIMIT_REQUEST_HELP_PER_HOUR:-1000}"
export NX_DAEMON="${NX_DAEMON:-false}"
export NX_NO_CLOUD=true
export NX_TUI=false

# Secrets are never committed: the local run generates them once into an ignored file.
secrets_file="$PAYFORWARD_CACHE/secrets.env"
if [ ! -f "$secrets_file" ]; then
  mkdir -p "$PAYFORWARD_CACHE"
  umask 077
  {
    echo "JWT_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')"
    echo "ENCRYPTION_MASTER_KEY=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
  } > "$secrets_file"
fi
set -a
# shellcheck disable=SC1090
. "$secrets_file"
set +a

# Installs dependencies when node_modules is missing, older than the lock file, or was installed
# by another Node: native modules (argon2) installed under Node 24 crash Node 20 (SIGSEGV).
ensure_deps() {
  local stamp="$ROOT/node_modules/.installed-with-node"
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ] \
    || [ "$(cat "$stamp" 2>/dev/null)" != "$(node -v)" ]; then
    echo "==> installing dependencies (npm ci, Node $(node -v))"
    (cd "$ROOT" && npm ci --no-audit --no-fund) && node -v > "$stamp"
  fi
}
