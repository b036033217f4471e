#!/usr/bin/env bash
# Builds everything the load harness needs, publishes the app the way scripts/publish deploys it (ReadyToRun), again
# without ReadyToRun for comparison, and the bare-Kestrel baseline, then runs bench/Load. Extra arguments go to the harness:
#   bench/run-load.sh                       # --runs 3 --duration 10s, 60 s leak-check runs
#   bench/run-load.sh --quick               # short smoke run
#   bench/run-load.sh --runs 5 --leak-duration 30
#   bench/run-load.sh --scenarios enhance200,idle --app-env DOTNET_gcServer=0     # one A/B question
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d /tmp/spg-bench-XXXXXX)"
trap 'rm -rf "$out"' EXIT

echo "publishing into $out" >&2
dotnet build tests/SoraPromptGenie.FakeUpstream -c Release -v q -nologo >&2
scripts/publish "$out/app" >&2
dotnet publish src/SoraPromptGenie -c Release -o "$out/app-jit" -v q -nologo >&2
dotnet publish bench/Baseline -c Release -o "$out/baseline" -v q -nologo >&2
dotnet build bench/Load -c Release -v q -nologo >&2

exec dotnet artifacts/bin/Load/release/Load.dll \
  --app "$out/app/SoraPromptGenie.dll" \
  --app-jit "$out/app-jit/SoraPromptGenie.dll" \
  --baseline "$out/baseline/Baseline.dll" \
  --fake artifacts/bin/SoraPromptGenie.FakeUpstream/release/SoraPromptGenie.FakeUpstream.dll \
  "$@"
