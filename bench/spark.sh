#!/usr/bin/env bash
# Spark benchmark: the Spark job embedded (local mode on this machine) against `dnstracer --bulk`, on the same
# generated lab and names (bench/genbulklab.sh), with the same settings: the overhead of running the bulk tracer
# inside Spark. Bounded: each run is killed after LIMIT seconds, the lab after 30 minutes.
#
#   bench/spark.sh                      # ~3-5 minutes on a 2-core machine
#   NAMES=20000 MASTERS="local[2]" bench/spark.sh
#
# Environment (all optional):
#   NAMES=10000 ZONES=300 DELAY=0 (one-way ms: the lab adds twice this to every reply)
#   PARALLEL=64          --parallel of both (per executor JVM for the job; local mode is one JVM)
#   RATE=0               --rate of both (0: no per-address limit)
#   MASTERS="local[1] local[2]"  Spark masters to run the job with
#   PARTITIONS=4         --partitions of the job
#   LIMIT=900            seconds a run may take
#   OUT=FILE             also write the report (markdown) to FILE
#
# Never touches the network: the lab is served on 127.78.x.y (`dnstracer --lab-serve DIR -p PORT --lab-for N`, its
# PID kept and killed at the end), every trace starts at its root with its own root hints, and the job's driver is
# bound to 127.0.0.1 with no UI (local mode; see org.dnstracer.spark.Embedded).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
tool="$root/dnstracer"
job="$root/dnstracer-spark"
NAMES=${NAMES:-10000}
ZONES=${ZONES:-300}
DELAY=${DELAY:-0}
PARALLEL=${PARALLEL:-64}
RATE=${RATE:-0}
MASTERS=${MASTERS:-"local[1] local[2]"}
PARTITIONS=${PARTITIONS:-4}
LIMIT=${LIMIT:-900}
OUT=${OUT:-}
PORT=${PORT:-15354}

work="$(mktemp -d "${TMPDIR:-/tmp}/dnstracer-spark-bench.XXXXXX")"
lab_pid=""
cleanup() {
  if [ -n "$lab_pid" ]; then kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s\n' "$*" >&2; }
# bash 5's clock: `date` would add a process start (3-5 ms) to every figure
now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }
secs() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
per_s() { awk -v n="$1" -v ms="$2" 'BEGIN {printf "%.0f", n * 1000 / ms}'; }

log "bench: building (if needed) ..."
"$tool" --version >/dev/null
"$job" --version >/dev/null

lab="$work/lab"
"$here/genbulklab.sh" $((2 * DELAY)) "$ZONES" "$NAMES" "$lab"
"$tool" --lab-serve "$lab" -p "$PORT" --lab-for 1800 >"$work/lab.out" 2>&1 &
lab_pid=$!
for _ in $(seq 600); do grep -q '^Serving' "$work/lab.out" && break; sleep 0.1; done
grep -q '^Serving' "$work/lab.out" || { log "bench: lab did not start:"; cat "$work/lab.out" >&2; exit 1; }
"$tool" -s . --root-hints "$lab/root.hints" -p "$PORT" -t 2 www.z1.t2 >/dev/null 2>&1 || true # warm the lab

report="$work/report.md"
{
  echo "# dnstracer Spark job benchmark (local mode) against --bulk"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)), $(free -h | awk '/^Mem:/ {print $2}') RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- lab: $NAMES names in $ZONES zones under 3 TLDs (bench/genbulklab.sh), ${DELAY} ms each way, served by a separate process (\`--lab-serve\`) on loopback"
  echo "- both: \`--root-hints FILE -p PORT -t 1 --parallel $PARALLEL --rate $RATE\`; --bulk with \`-s . --no-progress --out FILE\`, the job with \`--partitions $PARTITIONS --out DIR\` (JSON lines)"
  echo "- wall: the whole command (JVM and Spark start included); in-run: the tool's own summary line (the job's: read, trace, write); summary: the job's reading back of its results for summary.json"
  echo
  echo "| run | names | wall s | names/s (wall) | in-run s | names/s (in-run) | summary s | queries/name | same verdicts as --bulk |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$report"

log "bench: --bulk, $NAMES names ..."
t0=$(now_ms)
timeout "$LIMIT" "$tool" -s . --root-hints "$lab/root.hints" -p "$PORT" -t 1 --bulk "$lab/names.txt" \
  --out "$work/bulk.ndjson" --parallel "$PARALLEL" --rate "$RATE" --no-progress 2>"$work/bulk.err" || true
t1=$(now_ms)
summary=$(grep '^dnstracer: ' "$work/bulk.err" | tail -1)
lines=$(wc -l <"$work/bulk.ndjson")
inrun=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' <<<"$summary")
qpn=$(sed -n 's/.*(\([0-9.]*\) per name).*/\1/p' <<<"$summary")
echo "| \`dnstracer --bulk\` | $lines | $(secs $((t1 - t0))) | $(per_s "$lines" $((t1 - t0))) | ${inrun:-NA} | $(awk -v n="$lines" -v s="${inrun:-0}" 'BEGIN {if (s > 0) printf "%.0f", n / s; else print "NA"}') | | ${qpn:-NA} | (reference) |" >>"$report"
# name, type and verdict of each line, for the comparison
verdicts() { sed -n 's/^{"line":\([0-9]*\),.*"verdict":"\([a-z-]*\)".*/\1 \2/p' "$@" | sort -n; }
verdicts "$work/bulk.ndjson" >"$work/bulk.verdicts"

for master in $MASTERS; do
  log "bench: the Spark job, --master $master, $NAMES names ..."
  rm -rf "$work/job"
  t0=$(now_ms)
  timeout "$LIMIT" "$job" --master "$master" --root-hints "$lab/root.hints" -p "$PORT" -t 1 \
    --input "$lab/names.txt" --out "$work/job" --partitions "$PARTITIONS" --parallel "$PARALLEL" --rate "$RATE" \
    2>"$work/job.err" || true
  t1=$(now_ms)
  summary=$(grep '^dnstracer-spark: ' "$work/job.err" | tail -1)
  lines=$(cat "$work"/job/results/part-* 2>/dev/null | wc -l)
  inrun=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' <<<"$summary")
  qpn=$(sed -n 's/.*(\([0-9.]*\) per name).*/\1/p' <<<"$summary")
  summ=$(sed -n 's/.*(summary read back in \([0-9.]*\) s).*/\1/p' <<<"$summary")
  cat "$work"/job/results/part-* 2>/dev/null | verdicts >"$work/job.verdicts" || true
  same=$(cmp -s "$work/bulk.verdicts" "$work/job.verdicts" && echo yes || echo "NO ($(diff "$work/bulk.verdicts" "$work/job.verdicts" | grep -c '^>') differ)")
  echo "| job, \`--master $master\` | $lines | $(secs $((t1 - t0))) | $(per_s "$lines" $((t1 - t0))) | ${inrun:-NA} | $(awk -v n="$lines" -v s="${inrun:-0}" 'BEGIN {if (s > 0) printf "%.0f", n / s; else print "NA"}') | ${summ:-NA} | ${qpn:-NA} | $same |" >>"$report"
  [ "$lines" -gt 0 ] || { log "bench: the job wrote nothing:"; tail -20 "$work/job.err" >&2; }
done

echo >>"$report"
echo "queries/name counts every query sent for the name, the shared referrals excepted (each executor JVM has its own caches)." >>"$report"
cat "$report"
if [ -n "$OUT" ]; then cp "$report" "$OUT"; fi
