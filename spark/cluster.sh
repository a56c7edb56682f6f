#!/usr/bin/env bash
# A standalone Spark cluster on this machine, loopback only, for one run of the job: a master and WORKERS workers
# (each its own JVM, from the Spark jars the build resolves: spark/target/spark-jars.txt), the job jar submitted
# with spark-submit (org.apache.spark.deploy.SparkSubmit, client mode: the driver is this script's JVM), executors
# launched by the workers as JVMs of their own; then every process is stopped. The job's arguments are this
# script's:
#
#   spark/cluster.sh --lab --input names.txt --out out/          # 2 workers, 1 executor of 1 core each
#   WORKERS=3 spark/cluster.sh --lab --input names.txt --out out/
#
# Equivalent to `spark-submit --master spark://127.0.0.1:PORT --class org.dnstracer.spark.SparkJob
# --total-executor-cores N --executor-cores 1 spark/target/dnstracer-spark.jar --executors N ...` against a Spark
# 4.1 distribution's sbin/start-master.sh and sbin/start-worker.sh. Everything binds 127.0.0.1 (SPARK_LOCAL_IP; the master's and workers' web UIs on free ports, the
# job's off). Environment: WORKERS=2, EXECUTOR_MEMORY=512m, LIMIT=600 (seconds the job may take), KEEP=1 (keep
# the work directory: the daemons' logs, the executors' stderr in worker-N/app-*/, the event log in events/).
# Exit status: the job's (0 ran and wrote its results, 2 usage error, 3 failed), or 3 if the cluster did not start.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
WORKERS=${WORKERS:-2}
EXECUTOR_MEMORY=${EXECUTOR_MEMORY:-512m}
LIMIT=${LIMIT:-600}
jar="$here/target/dnstracer-spark.jar"
jars_file="$here/target/spark-jars.txt"

if [ ! -f "$jar" ] || [ ! -f "$jars_file" ] || [ -n "$(find "$root/cli/src/main" "$here/src/main" "$root/cli/pom.xml" \
    "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "cluster: building the cli and spark modules ..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl spark -am package) >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/dnstracer-spark-cluster.XXXXXX")"
pids=()
cleanup() {
  # the job's executors are children of the workers, which stop them when they stop
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "${KEEP:-}" ]; then echo "cluster: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 3' INT TERM

# SPARK_HOME: what a worker needs to launch an executor; the launcher wants SPARK_HOME/jars to exist, the jars
# come as SPARK_DIST_CLASSPATH (as for Spark's "Hadoop free" builds), which the workers give their executors
mkdir -p "$work/spark-home/jars" "$work/events"
cp="$(cat "$jars_file")"
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_DIST_CLASSPATH="$cp"
unset SPARK_LOCAL_HOSTNAME SPARK_CONF_DIR

# what Spark needs opened on Java 17 (its launcher's JavaModuleOptions); the executors get them from the driver
opens=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

# waits up to 120 s for a line matching $2 in the log $1 (the daemon $3 must still run)
await() {
  for _ in $(seq 1200); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 0.1
  done
  echo "cluster: gave up waiting for '$2' in $1:" >&2
  tail -20 "$1" >&2
  exit 3
}

java "${opens[@]}" -Xmx256m -cp "$cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
await "$work/master.log" "Starting Spark master at spark://" "${pids[0]}"
master="$(grep -o 'spark://127\.0\.0\.1:[0-9]*' "$work/master.log" | head -1)"
for w in $(seq "$WORKERS"); do
  java "${opens[@]}" -Xmx256m -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
    --webui-port 0 --cores 1 --memory 1g --work-dir "$work/worker-$w" "$master" >"$work/worker-$w.log" 2>&1 &
  pids+=($!)
done
for w in $(seq "$WORKERS"); do
  await "$work/worker-$w.log" "Successfully registered with master" "${pids[$w]}"
done
echo "cluster: master $master, $WORKERS workers registered; submitting the job" >&2

# the driver: spark-submit in client mode; the job waits for every executor before it starts (so every worker
# gets tasks) and logs its events (which executor ran which task) for KEEP=1
set +e
timeout "$LIMIT" java "${opens[@]}" -Xmx512m -cp "$cp" \
  -Dlog4j2.configurationFile="$here/conf/log4j2.properties" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --class org.dnstracer.spark.SparkJob \
  --total-executor-cores "$WORKERS" --executor-cores 1 --executor-memory "$EXECUTOR_MEMORY" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
  --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
  --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s \
  --conf spark.eventLog.enabled=true --conf spark.eventLog.dir="file://$work/events" \
  --conf spark.eventLog.rolling.enabled=false --conf spark.eventLog.compress=false \
  "$jar" --executors "$WORKERS" "$@"
status=$?
set -e
exit "$status"
