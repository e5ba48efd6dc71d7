#!/usr/bin/env bash
# The local/test SMTP server: maildev (npm, pinned in package.json), a real SMTP server that
# keeps every mail in a web inbox with an HTTP API (ADR 016). No mail leaves this machine.
#
# Usage: infra/mail/maildev.sh start|stop|restart|status|logs
#
# Env:
#   MAIL_SMTP_PORT        SMTP port                          (1025)
#   MAIL_WEB_PORT         web inbox and HTTP API port        (1080)
#   MAIL_MAX_EMAILS       mails kept; oldest dropped beyond  (1000)
#   PAYFORWARD_CACHE      cache root                         (<repo>/.cache)
#   MAIL_START_TIMEOUT    seconds to wait for readiness      (30)
# Layout under $PAYFORWARD_CACHE/maildev: mail/ (stored mails), maildev.log, maildev.pid.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
MAIL_MAX_EMAILS="${MAIL_MAX_EMAILS:-1000}"
MAIL_START_TIMEOUT="${MAIL_START_TIMEOUT:-30}"
BASE="${PAYFORWARD_CACHE:-$REPO/.cache}/maildev"
STORE="$BASE/mail" LOG="$BASE/maildev.log" PIDFILE="$BASE/maildev.pid"
BIN="$REPO/node_modules/maildev/dist/bin/maildev.js"

say() { echo "maildev: $*"; }
die() { echo "maildev: $*" >&2; exit 1; }

# Our server's pid, if the pid file points at a live maildev using our mail directory
# (guards against a stale pid file whose pid was reused by another process).
pid() {
  local p
  p="$(cat "$PIDFILE" 2>/dev/null)" || return 1
  [[ -n "$p" ]] && tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline" | grep -qF -- "$STORE" || return 1
  echo "$p"
}

# Serialises start/stop: two concurrent starts would both launch a server and fight over the pid file.
lock() {
  mkdir -p "$BASE"
  exec 9>"$BASE/.lock"
  flock -w 60 9 || die "timed out waiting for another maildev.sh ($BASE/.lock)"
}

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
api_ok() { curl -fsS -m 2 "http://127.0.0.1:$MAIL_WEB_PORT/api/healthz" >/dev/null 2>&1; }

start() {
  if p="$(pid)"; then say "already running (pid $p): smtp :$MAIL_SMTP_PORT, inbox http://localhost:$MAIL_WEB_PORT"; return 0; fi
  if port_open "$MAIL_SMTP_PORT"; then
    say "port $MAIL_SMTP_PORT already answers (not started from $BASE); leaving it alone"
    return 0
  fi
  [[ -f "$BIN" ]] || die "$BIN not found: run npm ci"
  mkdir -p "$STORE"
  # Fresh log per run; setsid + nohup so it outlives the calling shell; 9>&- so it does not hold our lock.
  if [[ -f "$LOG" ]]; then mv -f "$LOG" "$LOG.1"; fi
  # shellcheck disable=SC2016 # $$ is the inner bash, which exec's into node
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PIDFILE" \
    node "$BIN" --smtp "$MAIL_SMTP_PORT" --web "$MAIL_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --mail-directory "$STORE" --max-emails "$MAIL_MAX_EMAILS" >"$LOG" 2>&1 </dev/null 9>&- &
  say "starting (log: $LOG)"
  local t0=$SECONDS p=""
  while ((SECONDS - t0 < MAIL_START_TIMEOUT)); do
    p="${p:-$(pid || true)}"
    # Ready = SMTP accepts connections AND the HTTP API answers its health check.
    if port_open "$MAIL_SMTP_PORT" && api_ok; then
      say "ready: smtp 127.0.0.1:$MAIL_SMTP_PORT, inbox http://localhost:$MAIL_WEB_PORT (pid $p, $((SECONDS - t0))s)"
      return 0
    fi
    if [[ -n "$p" ]] && ! kill -0 "$p" 2>/dev/null; then
      tail -n 20 "$LOG" >&2 || true
      rm -f "$PIDFILE"; die "exited during startup; see $LOG"
    fi
    sleep 0.3
  done
  tail -n 20 "$LOG" >&2
  die "not ready after ${MAIL_START_TIMEOUT}s (still running: see $LOG, or run stop)"
}

stop() {
  local p
  if ! p="$(pid)"; then rm -f "$PIDFILE"; say "not running"; return 0; fi
  say "stopping pid $p"
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$p" 2>/dev/null || { rm -f "$PIDFILE"; say "stopped"; return 0; }
    sleep 0.25
  done
  say "still alive after 10s, sending SIGKILL"
  kill -KILL "$p" 2>/dev/null || true
  rm -f "$PIDFILE"
}

status() {
  local p
  if p="$(pid)"; then say "running (pid $p): smtp :$MAIL_SMTP_PORT, inbox http://localhost:$MAIL_WEB_PORT"; return 0; fi
  if port_open "$MAIL_SMTP_PORT"; then say "stopped (but port $MAIL_SMTP_PORT answers: not ours)"
  else say "stopped"; fi
  return 3
}

cmd="${1:-}"; shift || true
case "$cmd" in start | stop | restart) lock ;; esac
case "$cmd" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  logs) exec tail -n 100 -F "$LOG" ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
