#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft) for tests and local development, without Docker.
#
#   scripts/kafka-broker.sh fetch            # mvn: org.apache.kafka:kafka_2.13 + deps into $KAFKA_CACHE/lib
#   scripts/kafka-broker.sh start [DIR]      # prints 127.0.0.1:<port>; DIR defaults to $KAFKA_CACHE/broker
#   scripts/kafka-broker.sh stop [DIR]       # SIGTERM, then SIGKILL after 20 s
#   scripts/kafka-broker.sh kill [DIR]       # SIGKILL at once (fault tests)
#   scripts/kafka-broker.sh status [DIR]     # prints the bootstrap address if running, exit 1 otherwise
#
# A DIR keeps its data and its port across stop/start, so a restarted broker is the same broker.
# Environment: KAFKA_CACHE (default <repo>/.kafka), KAFKA_VERSION (default 3.9.1),
# KAFKA_HEAP_OPTS (default -Xms256m -Xmx768m), KAFKA_START_TIMEOUT seconds (default 90).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${KAFKA_CACHE:-$repo/.kafka}"
version="${KAFKA_VERSION:-3.9.1}"
lib="$cache/lib-$version"
heap="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
timeout="${KAFKA_START_TIMEOUT:-90}"

die() { echo "kafka-broker: $*" >&2; exit 1; }

fetch() {
  [[ -f "$lib/.complete" ]] && return 0
  command -v java >/dev/null || die "java not found (apt-get install -y openjdk-17-jre-headless)"
  command -v mvn >/dev/null || die "mvn not found (apt-get install -y maven)"
  mkdir -p "$lib"
  mvn -q -B -f "$repo/test/kafka/pom.xml" -Dkafka.version="$version" \
    dependency:copy-dependencies -DoutputDirectory="$lib" >&2 || die "maven could not fetch kafka_2.13:$version"
  ls "$lib"/kafka_2.13-*.jar >/dev/null 2>&1 || die "kafka_2.13 jar missing in $lib after fetch"
  touch "$lib/.complete"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

running_pid() {
  local dir="$1"
  [[ -f "$dir/pid" ]] || return 1
  local pid; pid="$(cat "$dir/pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

write_config() {
  local dir="$1" port="$2" cport="$3"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$dir/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$dir/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF
}

start() {
  local dir="$1"
  fetch
  mkdir -p "$dir"
  if pid="$(running_pid "$dir")"; then
    echo "127.0.0.1:$(cat "$dir/port")"
    return 0
  fi
  local port cport
  if [[ -f "$dir/port" && -f "$dir/controller-port" ]]; then
    port="$(cat "$dir/port")"; cport="$(cat "$dir/controller-port")"
  else
    port="$(free_port)"; cport="$(free_port)"
    while [[ "$cport" == "$port" ]]; do cport="$(free_port)"; done
    echo "$port" >"$dir/port"; echo "$cport" >"$dir/controller-port"
  fi
  write_config "$dir" "$port" "$cport"
  local cp="$lib/*"
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    java -Dlog4j.configuration="file:$dir/log4j.properties" -cp "$cp" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
      || die "formatting the KRaft storage failed: $(cat "$dir/format.log")"
  fi
  : >"$dir/server.log"
  # setsid: the broker must outlive this script and not receive the caller's signals.
  # shellcheck disable=SC2086
  setsid java $heap -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" >"$dir/stdout.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  local waited=0
  until grep -qs "Kafka Server started" "$dir/server.log" "$dir/stdout.log"; do
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      tail -30 "$dir/server.log" "$dir/stdout.log" >&2
      die "broker exited during start (logs in $dir)"
    fi
    if (( waited >= timeout * 10 )); then
      tail -30 "$dir/server.log" >&2
      stop "$dir" >/dev/null 2>&1 || true
      die "broker did not start within ${timeout}s"
    fi
    sleep 0.1; waited=$((waited + 1))
  done
  echo "127.0.0.1:$port"
}

stop() {
  local dir="$1" signal="${2:-TERM}" pid
  if ! pid="$(running_pid "$dir")"; then rm -f "$dir/pid"; return 0; fi
  kill "-$signal" "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited == 200 )); then kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.1; waited=$((waited + 1))
  done
  rm -f "$dir/pid"
}

cmd="${1:-}"; dir="${2:-$cache/broker}"
case "$cmd" in
  fetch) fetch ;;
  start) start "$dir" ;;
  stop) stop "$dir" TERM ;;
  kill) stop "$dir" KILL ;;
  status) running_pid "$dir" >/dev/null && echo "127.0.0.1:$(cat "$dir/port")" ;;
  *) die "usage: $0 fetch|start|stop|kill|status [DIR]" ;;
esac
