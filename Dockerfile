# syntax=docker/dockerfile:1.7
# One image, two programs: the node agent (the default entrypoint) and the metrics.k8s.io aggregator
# (command: ["/opt/nodepulse/bin/nodepulse-aggregator"]).
#
#   docker build -t registry.example.com/nodepulse:0.1.0 .
#
# Checked by daemonset/src/test/java/dev/nodepulse/deploy/DockerfileIT.java: the files copied out of the build
# stage exist after `mvn package`, the launchers below start the jars with their JVM flags, and the jlink
# module list covers what jdeps finds in the jars.

ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-25
ARG RUNTIME_IMAGE=debian:bookworm-slim

# ---- build: both shaded jars (the project compiles to Java 17 bytecode on any newer JDK)
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

# ---- jre: only the modules the jars use (jdeps --print-module-deps, see DockerfileIT)
FROM ${JDK_IMAGE} AS jre
RUN jlink \
      --add-modules java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,jdk.httpserver,jdk.management,jdk.unsupported \
      --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
      --output /opt/java

# ---- runtime
FROM ${RUNTIME_IMAGE}
RUN useradd --system --uid 65532 --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin nodepulse
COPY --from=jre /opt/java /opt/java
COPY --from=build /src/agent/target/nodepulse-agent.jar /opt/nodepulse/nodepulse-agent.jar
COPY --from=build /src/aggregator/target/nodepulse-aggregator.jar /opt/nodepulse/nodepulse-aggregator.jar

# JVM flags from the benchmark (bench/NodeBench RECOMMENDED_JVM_OPTS): Serial GC and a small fixed heap, C1
# only, capped code cache and metaspace, no perf-data file. ExitOnOutOfMemoryError: a restart beats limping.
# JNA unpacks its native library into NODEPULSE_TMPDIR (an emptyDir in the DaemonSet; the root fs is
# read-only) and loads it with System.load, a restricted method JDK 24+ warns about unless native access is
# granted (JEP 472). JAVA_OPTS is appended, so a flag given there wins (e.g. JAVA_OPTS=-Xmx48m).
COPY --chmod=0755 <<'EOF' /opt/nodepulse/bin/nodepulse-agent
#!/bin/sh
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec "${JAVA_HOME:-/opt/java}/bin/java" \
  -XX:+UseSerialGC -Xms8m -Xmx24m -Xss256k \
  -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
  -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=32m \
  -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError \
  -Djna.tmpdir="${NODEPULSE_TMPDIR:-/tmp}" --enable-native-access=ALL-UNNAMED \
  $JAVA_OPTS \
  -jar "${NODEPULSE_HOME:-/opt/nodepulse}/nodepulse-agent.jar" "$@"
EOF

# The aggregator's heap grows with the cluster (~0.6 MiB RSS per node at 110 pods/node: aggregator/README.md and
# the notes in daemonset/aggregator), so it is a share of the container's memory limit rather than fixed:
# raise the limit and the heap follows. C1 only and a capped metaspace (the Kubernetes client's classes take
# ~25 MiB of it); direct buffers capped, so that the limit bounds everything the JVM may commit.
COPY --chmod=0755 <<'EOF' /opt/nodepulse/bin/nodepulse-aggregator
#!/bin/sh
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec "${JAVA_HOME:-/opt/java}/bin/java" \
  -XX:+UseSerialGC -XX:MaxRAMPercentage=50 \
  -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
  -XX:ReservedCodeCacheSize=24m -XX:MaxMetaspaceSize=64m -XX:MaxDirectMemorySize=16m \
  -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError \
  $JAVA_OPTS \
  -jar "${NODEPULSE_HOME:-/opt/nodepulse}/nodepulse-aggregator.jar" "$@"
EOF

ENV JAVA_HOME=/opt/java NODEPULSE_HOME=/opt/nodepulse
USER 65532:65532
EXPOSE 9100 10250
ENTRYPOINT ["/opt/nodepulse/bin/nodepulse-agent"]
