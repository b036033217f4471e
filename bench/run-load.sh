#!/usr/bin/env bash
# Builds everything the load harness needs, publishes the app (plain and ReadyToRun) and the bare-Kestrel baseline
# the way they are deployed, then runs bench/Load. Extra arguments go to the harness:
#   bench/run-load.sh                       # --runs 3 --duration 10s, 60 s leak-check runs
#   bench/run-load.sh --quick               # short smoke run
#   bench/run-load.sh --runs 5 --leak-duration 30
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d /tmp/spg-bench-XXXXXX)"
trap 'rm -rf "$out"' EXIT

echo "publishing into $out" >&2
dotnet build tests/SoraPromptGenie.FakeUpstream -c Release -v q -nologo >&2
dotnet publish src/SoraPromptGenie -c Release -o "$out/app" -v q -nologo >&2
dotnet publish src/SoraPromptGenie -c Release -o "$out/app-r2r" -p:PublishReadyToRun=true -r linux-x64 --self-contained false -v q -nologo >&2
dotnet publish bench/Baseline -c Release -o "$out/baseline" -v q -nologo >&2
dotnet build bench/Load -c Release -v q -nologo >&2

exec dotnet artifacts/bin/Load/release/Load.dll \
  --app "$out/app/SoraPromptGenie.dll" \
  --app-r2r "$out/app-r2r/SoraPromptGenie.dll" \
  --baseline "$out/baseline/Baseline.dll" \
  --fake artifacts/bin/SoraPromptGenie.FakeUpstream/release/SoraPromptGenie.FakeUpstream.dll \
  "$@"
