#!/usr/bin/env bash
# npm run test:kafka — the scale-out suites against a real Kafka broker (and ClickHouse, when it can).
#  - Kafka: BONITOR_KAFKA_BROKERS when set; otherwise Apache Kafka is fetched via Maven (first run
#    only, test/kafka/pom.xml) and a single-node KRaft broker is started on 127.0.0.1, then stopped.
#  - ClickHouse: BONITOR_CLICKHOUSE_URL when set; otherwise chDB behind scripts/clickhouse-http.py
#    if the chdb module is installed (pip install chdb-core); otherwise the ClickHouse suites say why they did not run.
#   scripts/test-kafka.sh [vitest paths or flags]   (default: test/kafka test/clickhouse)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

paths=("$@")
[[ ${#paths[@]} -eq 0 ]] && paths=(test/kafka test/clickhouse)

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" || true; done' EXIT

if [[ -z "${BONITOR_KAFKA_BROKERS:-}" ]]; then
  kdir="${KAFKA_CACHE:-$PWD/.kafka}/test-broker"
  BONITOR_KAFKA_BROKERS="$(scripts/kafka-broker.sh start "$kdir")"
  cleanup+=("scripts/kafka-broker.sh stop '$kdir'")
  echo "kafka broker at $BONITOR_KAFKA_BROKERS (logs: $kdir/server.log)" >&2
fi
export BONITOR_KAFKA_BROKERS

if [[ -z "${BONITOR_CLICKHOUSE_URL:-}" ]] && python3 -c 'import chdb' 2>/dev/null; then
  cdir="$PWD/.chdb/test-server"
  rm -rf "$cdir"
  BONITOR_CLICKHOUSE_URL="$(python3 scripts/clickhouse-http.py start "$cdir")"
  cleanup+=("python3 scripts/clickhouse-http.py stop '$cdir'")
  echo "clickhouse (chDB) at $BONITOR_CLICKHOUSE_URL" >&2
  export BONITOR_CLICKHOUSE_URL
fi

npx vitest run "${paths[@]}"
