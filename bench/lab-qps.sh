#!/usr/bin/env bash
# Queries per second the built-in lab answers on loopback (bounded: stops after --seconds or --queries).
# Usage: bench/lab-qps.sh [--seconds 5] [--queries 1000000] [--clients 4] [--window 32]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f cli/target/dnstracer.jar || -n "$(find cli/src cli/pom.xml -newer cli/target/dnstracer.jar -print -quit)" ]]; then
  mvn -q -B -DskipTests -pl cli -am package
fi
exec java -cp cli/target/dnstracer.jar org.dnstracer.lab.LoadGenerator "$@"
