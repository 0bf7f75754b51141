#!/usr/bin/env bash
# Side-by-side scrape benchmark of the agent and Debian's node_exporter on this host (not part of mvn verify).
#   bench/node-bench.sh                       # recommended JVM flags, 3 rounds per mode
#   bench/node-bench.sh --java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --jvm-opts='...' --rounds=5
#   bench/node-bench.sh --help
# Builds the agent jar first if it is missing (REBUILD=1 forces it). Needs prometheus-node-exporter.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f agent/target/nodepulse-agent.jar || "${REBUILD:-0}" == 1 ]]; then
  mvn -B -q -pl agent -am -DskipTests package
fi
exec java bench/src/main/java/dev/nodepulse/bench/NodeBench.java "$@"
