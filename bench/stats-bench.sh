#!/usr/bin/env bash
# The kubelet stats endpoints under bench/cadvisor-bench.sh: /stats/summary (full and only_cpu_and_memory=true) and
# /metrics/resource, at 300 containers by default (fixture trees v1 and v2, and real empty cgroups where permitted).
#
#   bench/stats-bench.sh [COUNTS...]             default: 300
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
[ $# -eq 0 ] && set -- 300
ENDPOINTS="${ENDPOINTS:-/stats/summary /stats/summary?only_cpu_and_memory=true /metrics/resource /metrics/cadvisor}" \
  exec "$HERE/cadvisor-bench.sh" "$@"
