#!/usr/bin/env bash
# npm run test:clickhouse — the ClickHouse Store suites against a current ClickHouse engine.
# Uses BONITOR_CLICKHOUSE_URL when set; otherwise chDB (pip: chdb-core, the ClickHouse engine as
# a library) behind scripts/clickhouse-http.py, which speaks the HTTP interface on 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

paths=("$@")
[[ ${#paths[@]} -eq 0 ]] && paths=(test/clickhouse)

if [[ -n "${BONITOR_CLICKHOUSE_URL:-}" ]]; then
  exec npx vitest run "${paths[@]}"
fi

python3 -c 'import chdb' 2>/dev/null || python3 -m pip install --quiet 'chdb-core==26.9.0' \
  || { echo "test-clickhouse: cannot install chdb-core from PyPI" >&2; exit 1; }
dir="$PWD/.chdb/test-server"
rm -rf "$dir"
url="$(python3 scripts/clickhouse-http.py start "$dir")"
trap 'python3 scripts/clickhouse-http.py stop "$dir"' EXIT
echo "clickhouse (chDB) at $url" >&2
BONITOR_CLICKHOUSE_URL="$url" npx vitest run "${paths[@]}"
