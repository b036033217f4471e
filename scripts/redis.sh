#!/usr/bin/env bash
# Throwaway Redis for development and tests: redis.sh start|stop|status|url
set -euo pipefail
REDIS_PORT=${REDIS_PORT:-56379}
PIDFILE=/tmp/sora-prompt-genie-redis-$REDIS_PORT.pid

case "${1:-}" in
  start)
    if ! command -v redis-server >/dev/null; then echo "redis-server not installed (scripts/install-deps installs it)" >&2; exit 1; fi
    if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then echo "Redis already running on 127.0.0.1:$REDIS_PORT"; exit 0; fi
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
      --pidfile "$PIDFILE" --logfile "/tmp/sora-prompt-genie-redis-$REDIS_PORT.log" --dir /tmp
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    echo "Redis running on 127.0.0.1:$REDIS_PORT"
    ;;
  stop) redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
  status) redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping ;;
  url) echo "redis://127.0.0.1:$REDIS_PORT" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
