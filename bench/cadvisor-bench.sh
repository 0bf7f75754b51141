#!/usr/bin/env bash
# Whole-process benchmark of the container endpoints (/metrics/cadvisor by default): the built agent jar scraped over
# loopback, on synthetic trees of 100, 300 and 1000 container cgroups (fixture trees in the kernel's formats) and,
# where this host lets us create cgroups, on real empty cgroups of the same shape. Reports scrape latency p50/p99
# (curl time_total), agent CPU per scrape (utime+stime of the agent process over the measured scrapes), body size
# and series count (JSON bodies: 0 series). Each endpoint is measured in turn against the same agent process.
#
#   bench/cadvisor-bench.sh [COUNTS...]          default: 100 300 1000
#   SCRAPES=200 WARMUP=30 JAVA_OPTS="..." bench/cadvisor-bench.sh
#   ENDPOINTS="/stats/summary /stats/summary?only_cpu_and_memory=true /metrics/resource" bench/cadvisor-bench.sh 300
#   (bench/stats-bench.sh runs exactly that)
#
# Needs: the shaded jar (mvn -B -q -pl agent -am package -DskipTests), python3, curl. Runs outside mvn verify.
# Everything it creates (temp dirs, cgroups named np-bench-<random>) is removed on exit; it ends only the agent
# processes it started.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="${JAR:-$HERE/../agent/target/nodepulse-agent.jar}"
COUNTS=("$@"); [ ${#COUNTS[@]} -eq 0 ] && COUNTS=(100 300 1000)
SCRAPES="${SCRAPES:-200}"
WARMUP="${WARMUP:-30}"
read -r -a ENDPOINTS <<< "${ENDPOINTS:-/metrics/cadvisor}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1}"
HZ="$(getconf CLK_TCK)"
WORK="$(mktemp -d /tmp/np-bench.XXXXXX)"
AGENT_PID=""
REAL_TOP=""
REAL_DIRS=()

cleanup() {
  if [ -n "$AGENT_PID" ]; then kill "$AGENT_PID" 2>/dev/null || true; wait "$AGENT_PID" 2>/dev/null || true; fi
  if [ -n "$REAL_TOP" ]; then
    for ((i=${#REAL_DIRS[@]}-1; i>=0; i--)); do rmdir "${REAL_DIRS[$i]}" 2>/dev/null || true; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "no agent jar at $JAR; build it first" >&2; exit 1; }
# The agent keeps each cgroup's per-walk files open (--cadvisor.max-open-files, at most half the fd limit): give it
# the room a DaemonSet has (containerd's default is 1048576) where this shell may.
ulimit -n 65536 2>/dev/null || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# run_case LABEL AGENT-FLAGS...: start the agent; per endpoint warm up, measure, print one result line.
run_case() {
  local label="$1"; shift
  local port; port="$(free_port)"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --web.listen-address="127.0.0.1:$port" --housekeeping-interval=1h \
      --log.level=warn "$@" > "$WORK/agent.log" 2>&1 &
  AGENT_PID=$!
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
  local endpoint
  for endpoint in "${ENDPOINTS[@]}"; do
    local url="http://127.0.0.1:$port$endpoint"
    curl -s -m 60 "$url" > "$WORK/body.txt"
    local bytes series
    bytes=$(wc -c < "$WORK/body.txt")
    case "$(head -c 1 "$WORK/body.txt")" in
      "{") series=0 ;;
      *) series=$(grep -vc '^#' "$WORK/body.txt" || true) ;;
    esac
    for _ in $(seq 1 "$WARMUP"); do curl -s -m 60 -o /dev/null "$url"; done
    local t0 t1
    t0=$(cpu_ticks "$AGENT_PID")
    for _ in $(seq 1 "$SCRAPES"); do curl -s -m 60 -o /dev/null -w '%{time_total}\n' "$url"; done > "$WORK/lat.txt"
    t1=$(cpu_ticks "$AGENT_PID")
    local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$AGENT_PID/status")
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    local name="$label"
    if [ ${#ENDPOINTS[@]} -gt 1 ] || [ "$endpoint" != "/metrics/cadvisor" ]; then name="$label $endpoint"; fi
    sort -n "$WORK/lat.txt" | awk -v label="$name" -v n="$SCRAPES" -v d="$((t1 - t0))" -v hz="$HZ" \
        -v bytes="$bytes" -v series="$series" -v rss="$rss" -v load="$load" '
      { v[NR] = $1 * 1000 }
      END {
        p50 = v[int(n * 0.50 + 0.5)]; p99 = v[int(n * 0.99 + 0.5)]
        printf "%-26s min %6.1f  p50 %6.1f  p99 %6.1f ms  cpu/scrape %6.1f ms  series %6d  body %5.2f MiB  rss %4d MiB  load %s\n",
          label, v[1], p50, p99, d * 1000.0 / hz / n, series, bytes / 1048576, rss / 1024, load
      }'
  done
  kill "$AGENT_PID"; wait "$AGENT_PID" 2>/dev/null || true; AGENT_PID=""
}

echo "host: $(nproc) cpus, $(uname -r); java: $(java -version 2>&1 | head -1); JAVA_OPTS=$JAVA_OPTS; scrapes=$SCRAPES; nofile=$(ulimit -n)"
for n in "${COUNTS[@]}"; do
  for v in v1 v2; do
    tree="$WORK/tree-$n-$v"
    python3 "$HERE/gen_tree.py" fixture "$tree" "$n" "$v"
    while read -r pid target; do
      mkdir -p "$tree/proc/$pid/fd"; ln -s "$target" "$tree/proc/$pid/fd/$RANDOM$RANDOM"
    done < "$tree/fds.txt"
    run_case "fixture $v $n containers" --path.cgroupfs="$tree/cgroupfs" --path.procfs="$tree/proc" \
        --path.sysfs="$tree/sys" --path.rootfs="$tree/rootfs" --cadvisor.extra-cgroups=
    rm -rf "$tree"
  done
done

# Real cgroups: empty kubepods-like trees under the v1 controllers, where this host lets us make them.
if [ "$(id -u)" = 0 ] && [ -f /sys/fs/cgroup/cpuacct/cpuacct.usage ] && touch /sys/fs/cgroup/cpu/cgroup.procs 2>/dev/null; then
  for n in "${COUNTS[@]}"; do
    REAL_TOP="np-bench-$(od -An -tx4 -N4 /dev/urandom | tr -d ' ')"
    REAL_DIRS=()
    rootfs="$WORK/rootfs-$n"
    python3 "$HERE/gen_tree.py" real "$rootfs" "$n" "$REAL_TOP" > "$WORK/ids.txt"
    for ctl in cpu cpuacct memory pids blkio; do
      [ -d "/sys/fs/cgroup/$ctl" ] || continue
      mkdir "/sys/fs/cgroup/$ctl/$REAL_TOP"; REAL_DIRS+=("/sys/fs/cgroup/$ctl/$REAL_TOP")
      while read -r id; do
        mkdir "/sys/fs/cgroup/$ctl$id"; REAL_DIRS+=("/sys/fs/cgroup/$ctl$id")
      done < "$WORK/ids.txt"
    done
    run_case "real v1 $n containers" --cgroup-root="/$REAL_TOP" --path.rootfs="$rootfs" --cadvisor.extra-cgroups=
    for ((i=${#REAL_DIRS[@]}-1; i>=0; i--)); do rmdir "${REAL_DIRS[$i]}"; done
    REAL_DIRS=(); REAL_TOP=""
  done
else
  echo "real cgroups: not permitted here (needs root and a writable cgroup v1 tree); skipped"
fi
