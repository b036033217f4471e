#!/usr/bin/env bash
# Installs the MCP Inspector (@modelcontextprotocol/inspector, the MCP project's own client) for the tests that run its
# CLI against the app's MCP server over HTTP and stdio (tests/SoraPromptGenie.Tests/Mcp/McpInspectorTests.cs). It goes
# into .tools/mcp-inspector, or into MCP_INSPECTOR_DIR when that is set (the tests read the same variable), and only when
# that version is not there yet, so running the script again changes nothing. scripts/test.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

version=2.12.0
dir=${MCP_INSPECTOR_DIR:-$PWD/.tools/mcp-inspector}
manifest=$dir/node_modules/@modelcontextprotocol/inspector/package.json

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "mcp-inspector: $tool is missing; scripts/install-deps installs it" >&2
    exit 1
  fi
done

installed() {
  [ -f "$manifest" ] && node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' "$manifest" "$version"
}

if installed; then
  exit 0
fi

echo "mcp-inspector: npm install @modelcontextprotocol/inspector@$version into $dir"
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/inspector@$version" >/dev/null
if ! installed; then
  echo "mcp-inspector: npm left no @modelcontextprotocol/inspector@$version in $dir" >&2
  exit 1
fi
