#!/usr/bin/env bash
# Fleet test: PostgreSQL, Redis, a fake LLM upstream, two published app instances and nginx on 127.0.0.1, then
#   1. a rate limit of N across the fleet admits exactly N from one client;
#   2. >= 5,000 mixed requests from 64 clients through nginx: zero 5xx, zero lost writes;
#   3. kill -9 of one instance during a save-heavy load: every acknowledged save is in the database;
#   4. Redis stopped under load: the API keeps answering; restarted: shared limits resume (exactly N again);
#   5. SIGTERM during in-flight AI requests: they complete and the process exits within 10 s;
#   plus the cache hit latency against a miss. Everything runs under /tmp/spg-fleet and is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export FLEET_DIR=/tmp/spg-fleet
export APP1_PORT=${APP1_PORT:-55501} APP2_PORT=${APP2_PORT:-55502} APP3_PORT=${APP3_PORT:-55503} NGINX_PORT=${NGINX_PORT:-55580}
export PGPORT=55450 PGDATA_DIR=/tmp/spg-fleet-pg REDIS_PORT=56390
N=${FLEET_RATE_LIMIT:-40}
LOAD=scripts/fleet-test/load.py
started=$(date +%s)
pids=()

log() { printf '[fleet %3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  [ -f "$FLEET_DIR/nginx.pid" ] && kill "$(cat "$FLEET_DIR/nginx.pid")" 2>/dev/null
  scripts/redis.sh stop
  scripts/pg.sh destroy
  rm -rf "$FLEET_DIR"
}
trap cleanup EXIT

rm -rf "$FLEET_DIR"; mkdir -p "$FLEET_DIR"
log "publishing the app and building the fake upstream"
dotnet publish src/SoraPromptGenie -c Release -o "$FLEET_DIR/app" --nologo -v quiet >/dev/null
dotnet build tests/SoraPromptGenie.FakeUpstream -c Release --nologo -v quiet >/dev/null
FAKE_DLL=$(ls artifacts/bin/SoraPromptGenie.FakeUpstream/release*/SoraPromptGenie.FakeUpstream.dll | head -1)

scripts/pg.sh start >/dev/null
scripts/redis.sh start >/dev/null
DATABASE_URL=$(scripts/pg.sh url | sed 's#/postgres$#/spg_fleet#')
REDIS_URL=$(scripts/redis.sh url)

start_fake() { # output-file delay-ms
  dotnet "$FAKE_DLL" --port 0 --delay-ms "$2" --no-record > "$FLEET_DIR/$1" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do grep -q "listening on" "$FLEET_DIR/$1" && break; sleep 0.1; done
}
start_fake fake.out 50
start_fake fake-slow.out 3000
UPSTREAM=$(sed -n 's/^listening on //p' "$FLEET_DIR/fake.out" | head -1)
SLOW_UPSTREAM=$(sed -n 's/^listening on //p' "$FLEET_DIR/fake-slow.out" | head -1)
[ -n "$UPSTREAM" ] && [ -n "$SLOW_UPSTREAM" ] || fail "fake upstream did not start"

app_env() { # port upstream command... (exec: a backgrounded call's $! is then the app's own pid, so kill -9 hits it)
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
    OPENROUTER_API_KEY=sk-fleet-test OPENROUTER_BASE_URL="$2" OPENROUTER_MODEL=fleet/model TRUSTED_PROXIES=127.0.0.1 \
    RATE_LIMIT_GENERAL=1000000/900 RATE_LIMIT_AI="$N/86400" LOG_DIR="$FLEET_DIR/logs-$1" LLM_FALLBACK_TO_OFFLINE=true "${@:3}"
}
start_app() { # port upstream -> pid in APP_PID
  app_env "$1" "$2" dotnet "$FLEET_DIR/app/SoraPromptGenie.dll" > "$FLEET_DIR/app-$1.out" 2>&1 &
  APP_PID=$!
  pids+=("$APP_PID")
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$1/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { cat "$FLEET_DIR/app-$1.out"; fail "instance on $1 exited"; }
    sleep 0.2
  done
  fail "instance on $1 did not become healthy"
}

log "migrating the database"
(app_env 0 "$UPSTREAM" dotnet "$FLEET_DIR/app/SoraPromptGenie.dll" migrate) > "$FLEET_DIR/migrate.out" 2>&1 \
  || { cat "$FLEET_DIR/migrate.out"; fail "migrate failed (is the persistence layer merged?)"; }

log "starting two instances and nginx"
start_app "$APP1_PORT" "$UPSTREAM"; APP1_PID=$APP_PID
start_app "$APP2_PORT" "$UPSTREAM"; APP2_PID=$APP_PID
envsubst '${FLEET_DIR} ${APP1_PORT} ${APP2_PORT} ${NGINX_PORT}' < deploy/nginx/fleet-test.conf.template > "$FLEET_DIR/nginx.conf"
mkdir -p "$FLEET_DIR/nginx"
nginx -c "$FLEET_DIR/nginx.conf" -p "$FLEET_DIR/nginx" -e "$FLEET_DIR/nginx-error.log"
curl -fsS "http://127.0.0.1:$NGINX_PORT/api/health" >/dev/null || fail "nginx does not proxy"

log "1. rate limit of $N across both instances"
python3 "$LOAD" ratelimit --port "$NGINX_PORT" --n "$N" --client 10.77.0.1 || fail "rate limit not exact across the fleet"

log "cache: hit latency against a miss (upstream answers in 50 ms)"
python3 "$LOAD" cache --port "$NGINX_PORT" --n 20 || fail "cache phase"

log "2. mixed load through nginx"
python3 "$LOAD" mixed --port "$NGINX_PORT" --clients 64 --requests 5120 --writes --saves "$FLEET_DIR/saves-load.txt" || fail "errors under load"

log "3. kill -9 one instance during a save-heavy load"
python3 "$LOAD" mixed --port "$NGINX_PORT" --clients 32 --requests 9600 --writes --write-share 0.8 --label kill-load \
  --saves "$FLEET_DIR/saves-kill.txt" --allow-errors &
load_pid=$!
sleep 1.5
kill -0 "$load_pid" 2>/dev/null || fail "the save-heavy load ended before the kill"
kill -9 "$APP1_PID"
log "   killed instance on $APP1_PORT"
wait "$load_pid" || fail "kill-load driver failed"
curl -fsS "http://127.0.0.1:$APP2_PORT/api/health" >/dev/null || fail "the surviving instance stopped serving"
python3 "$LOAD" mixed --port "$NGINX_PORT" --clients 8 --requests 400 --label after-kill || fail "nginx did not route around the dead instance"

log "   checking that every acknowledged save is in the database"
PGPASSWORD=sora-dev pg_dump -h 127.0.0.1 -p "$PGPORT" -U postgres --data-only spg_fleet > "$FLEET_DIR/dump.sql"
grep -o 'fleetmark-[0-9a-f]\{32\}' "$FLEET_DIR/dump.sql" | sort -u > "$FLEET_DIR/stored.txt"
cat "$FLEET_DIR"/saves-*.txt | sort -u > "$FLEET_DIR/acknowledged.txt"
lost=$(comm -23 "$FLEET_DIR/acknowledged.txt" "$FLEET_DIR/stored.txt" | wc -l)
log "   acknowledged saves: $(wc -l < "$FLEET_DIR/acknowledged.txt"), lost: $lost"
[ "$lost" -eq 0 ] || fail "$lost acknowledged saves are missing from the database"

log "restarting the killed instance"
start_app "$APP1_PORT" "$UPSTREAM"; APP1_PID=$APP_PID

log "4. Redis outage under load"
python3 "$LOAD" mixed --port "$NGINX_PORT" --clients 16 --requests 1600 --label redis-outage-load &
load_pid=$!
sleep 2
scripts/redis.sh stop
log "   Redis stopped"
sleep 3
scripts/redis.sh start >/dev/null
log "   Redis started again"
wait "$load_pid" || fail "5xx or transport errors while Redis was down"
for _ in $(seq 1 50); do
  r1=$(curl -fsS "http://127.0.0.1:$APP1_PORT/api/health/ready" | grep -c '"redis":{"status":"healthy"' || true)
  r2=$(curl -fsS "http://127.0.0.1:$APP2_PORT/api/health/ready" | grep -c '"redis":{"status":"healthy"' || true)
  [ "$r1" = 1 ] && [ "$r2" = 1 ] && break
  sleep 0.2
done
python3 "$LOAD" ratelimit --port "$NGINX_PORT" --n "$N" --client 10.77.0.2 || fail "shared limits did not resume after Redis came back"

log "5. SIGTERM during in-flight AI requests (upstream answers in 3 s)"
start_app "$APP3_PORT" "$SLOW_UPSTREAM"; APP3_PID=$APP_PID
python3 "$LOAD" inflight --port "$APP3_PORT" --n 8 &
load_pid=$!
sleep 1
term_at=$(date +%s%N)
kill -TERM "$APP3_PID"
for _ in $(seq 1 120); do kill -0 "$APP3_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$APP3_PID" 2>/dev/null && fail "instance did not exit within 12 s of SIGTERM"
exit_ms=$(( ($(date +%s%N) - term_at) / 1000000 ))
wait "$load_pid" || fail "in-flight AI requests did not complete after SIGTERM"
log "   exited ${exit_ms} ms after SIGTERM"
[ "$exit_ms" -le 10000 ] || fail "exit took ${exit_ms} ms"

log "PASS in $(( $(date +%s) - started )) s"
