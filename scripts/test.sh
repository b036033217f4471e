#!/usr/bin/env bash
# Runs every test project against throwaway PostgreSQL and Redis, then prints one line: "N passed, N failed".
# Extra arguments go to `dotnet test` (for example --filter "FullyQualifiedName~Catalog").
# On a fresh machine it first installs what is missing (scripts/install-deps; as another user than root it prints the
# command to run instead), then the MCP Inspector the MCP tests run (scripts/mcp-inspector.sh, into .tools/).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps || exit 1
scripts/mcp-inspector.sh || exit 1

scripts/pg.sh start
scripts/redis.sh start
export TEST_DATABASE_URL; TEST_DATABASE_URL=$(scripts/pg.sh url)
export TEST_REDIS_URL; TEST_REDIS_URL=$(scripts/redis.sh url)
trap 'scripts/redis.sh stop; scripts/pg.sh stop' EXIT

log=$(mktemp)
dotnet test SoraPromptGenie.slnx "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
awk '/^(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+,/ { gsub(",", ""); f+=$4; p+=$6; s+=$8; n++ }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$rc"
