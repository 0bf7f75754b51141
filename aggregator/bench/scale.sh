#!/usr/bin/env bash
# Scale benchmark of the aggregator (outside mvn verify): one process simulates NODES agents with PODS pods each on
# loopback ports; the aggregator jar scrapes them all with --static-node at RESOLUTION. After a warm-up of two
# cycles it measures CYCLES cycles: CPU (utime+stime from /proc), RSS and peak RSS, live heap after a full GC, and
# whether every scrape cycle finished within the resolution (metrics_server_manager_tick_duration_seconds).
#
# Usage (from the worktree, after mvn -pl aggregator -am verify or package + test-compile):
#   aggregator/bench/scale.sh NODES [PODS=110] [RESOLUTION_S=15] [CYCLES=6] [HEAP=auto]
set -euo pipefail
NODES=${1:?nodes}; PODS=${2:-110}; RES=${3:-15}; CYCLES=${4:-6}
HEAP=${5:-$(( 64 + NODES * 170 / 1024 ))m}
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=$HERE/target/nodepulse-aggregator.jar
TMP=$(mktemp -d)
SECONDS_TOTAL=$(( RES * (CYCLES + 6) + 120 ))
java -XX:+UseSerialGC -Xmx1g -cp "$HERE/target/test-classes" dev.nodepulse.aggregator.bench.AgentSimulator \
  "$NODES" "$PODS" 20000 "$TMP/nodes.args" "$SECONDS_TOTAL" 2>"$TMP/sim.log" &
SIM=$!
cleanup() { kill "$SIM" 2>/dev/null || true; [ -n "${AGG:-}" ] && kill "$AGG" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do [ -s "$TMP/nodes.args" ] && [ "$(wc -l < "$TMP/nodes.args")" -ge "$NODES" ] && break; sleep 0.2; done
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
# shellcheck disable=SC2046
java -XX:+UseSerialGC -Xmx"$HEAP" -Xss512k ${AGG_JAVA_OPTS:-} -jar "$JAR" --authorization-mode=AlwaysAllow \
  --bind-address=127.0.0.1 --secure-port="$PORT" --cert-dir= --metric-resolution="${RES}s" \
  --kubelet-request-timeout="$(( RES * 9 / 10 ))s" --log.level=warn $(cat "$TMP/nodes.args") 2>"$TMP/agg.log" &
AGG=$!
until curl -sk -m 2 -o /dev/null -w '%{http_code}' "https://127.0.0.1:$PORT/readyz" | grep -q 200; do
  kill -0 "$AGG" || { cat "$TMP/agg.log"; exit 1; }; sleep 1; done
sleep $(( RES * 2 ))
cpu() { awk '{print $14+$15}' "/proc/$AGG/stat"; }
TICKS=$(getconf CLK_TCK)
C0=$(cpu); T0=$(date +%s.%N)
sleep $(( RES * CYCLES ))
C1=$(cpu); T1=$(date +%s.%N)
RSS=$(awk '/VmRSS/{print $2}' "/proc/$AGG/status"); HWM=$(awk '/VmHWM/{print $2}' "/proc/$AGG/status")
M=$(curl -sk "https://127.0.0.1:$PORT/metrics")
LIVE=$(jcmd "$AGG" GC.class_histogram 2>/dev/null | awk '/^Total/{print $3}')
NODESRV=$(curl -sk "https://127.0.0.1:$PORT/apis/metrics.k8s.io/v1beta1/nodes" | grep -o '"name":"sim-' | wc -l)
CORES=$(python3 -c "print(($C1-$C0)/$TICKS/($T1-$T0))")
TICK_COUNT=$(echo "$M" | awk '/^metrics_server_manager_tick_duration_seconds_count/{print $2}')
TICK_SUM=$(echo "$M" | awk '/^metrics_server_manager_tick_duration_seconds_sum/{print $2}')
TICK_IN=$(echo "$M" | awk -v r="$RES" '$1 ~ /^metrics_server_manager_tick_duration_seconds_bucket\{le="/ {match($1,/le="[^"]+"/); le=substr($1,RSTART+4,RLENGTH-5); if (le+0 == r+0) print $2}')
OK=$(echo "$M" | awk '/^metrics_server_kubelet_request_total\{success="true"\}/{print $2}')
FAIL=$(echo "$M" | awk '/^metrics_server_kubelet_request_total\{success="false"\}/{print $2}')
python3 - <<PY
nodes=$NODES; pods=$PODS; res=$RES; cores=$CORES; rss=$RSS*1024; hwm=$HWM*1024; live=${LIVE:-0}
print(f"nodes={nodes} pods/node={pods} resolution={res}s heap=-Xmx$HEAP served_nodes=$NODESRV")
print(f"scrapes ok=${OK:-0} failed=${FAIL:-0} ticks=${TICK_COUNT:-0} ticks_within_resolution=${TICK_IN:-?} mean_tick={float('${TICK_SUM:-0}')/max(1,float('${TICK_COUNT:-1}')):.2f}s")
print(f"CPU: {cores*1000:.1f} mCPU total = {cores*1000/nodes:.3f} mCPU/node (metrics-server: ~1 mCPU/node); "
      f"{cores*res*1000/nodes:.2f} ms CPU per node per cycle")
print(f"memory: RSS {rss/2**20:.0f} MiB (peak {hwm/2**20:.0f} MiB) = {rss/nodes/2**20:.3f} MiB/node, peak {hwm/nodes/2**20:.3f} MiB/node; "
      f"live heap after full GC {live/2**20:.0f} MiB = {live/nodes/1024:.0f} KiB/node (metrics-server: ~2 MiB/node)")
PY
