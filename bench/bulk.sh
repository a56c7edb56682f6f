#!/usr/bin/env bash
# Bulk benchmark: `dnstracer --bulk` over a generated lab of 3 TLDs, ZONES zones and NAMES names (some glueless,
# lame and silent zones), at 0 and 20 ms each way; then a shell loop of single runs over a sample of the names,
# and the classic dnstracer the same way when it is installed and we are root (in a loopback-only namespace).
#
#   bench/bulk.sh                       # ~5 minutes
#   NAMES=100000 DELAYS=0 bench/bulk.sh # the heap check: 100,000 names under -Xmx256m
#
# Environment (all optional):
#   NAMES=10000 ZONES=300 DELAYS="0 20" (one-way ms: the lab adds twice this to every reply)
#   PARALLEL=256        --parallel
#   IN_FLIGHTS="64 256" --in-flight values, one bulk run each (256 is the default)
#   RATE=0              --rate (0: no per-address limit; the default 20/s would make this a test of patience)
#   HEAP=256m           -Xmx of the bulk run
#   SAMPLE=30           names traced one process each in the shell loops
#   CLASSIC=auto        auto: also the classic tool, as root in a network namespace; no: skip
#   OUT=FILE            also write the report (markdown) to FILE
#
# Never touches the network: the lab is served on 127.78.x.y (`dnstracer --lab-serve DIR -p PORT --lab-for N`, its
# PID kept and killed at the end), and every trace starts at its root with its own root hints.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
tool="$root/dnstracer"
NAMES=${NAMES:-10000}
ZONES=${ZONES:-300}
DELAYS=${DELAYS:-"0 20"}
PARALLEL=${PARALLEL:-256}
IN_FLIGHTS=${IN_FLIGHTS:-"64 256"}
RATE=${RATE:-0}
HEAP=${HEAP:-256m}
SAMPLE=${SAMPLE:-30}
CLASSIC=${CLASSIC:-auto}
OUT=${OUT:-}
PORT=${PORT:-15353}

work="$(mktemp -d "${TMPDIR:-/tmp}/dnstracer-bulk.XXXXXX")"
lab_pid=""
netns=""
stop_lab() {
  if [ -n "$lab_pid" ]; then kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true; fi
  lab_pid=""
}
cleanup() {
  stop_lab
  if [ -n "$netns" ]; then ip netns del "$netns" 2>/dev/null || true; rm -rf "/etc/netns/$netns"; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '%s\n' "$*" >&2; }
# bash 5's clock: `date` would add a process start (3-5 ms) to every figure
now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }

# start_lab DIR PORT [PREFIX...]: serves the lab (bounded to 30 minutes) and waits for it
start_lab() {
  local dir=$1 port=$2
  shift 2
  "$@" "$tool" --lab-serve "$dir" -p "$port" --lab-for 1800 >"$work/lab.out" 2>&1 &
  lab_pid=$!
  for _ in $(seq 600); do grep -q '^Serving' "$work/lab.out" && break; sleep 0.1; done
  grep -q '^Serving' "$work/lab.out" || { log "bench: lab did not start:"; cat "$work/lab.out" >&2; stop_lab; return 1; }
  if [ "$port" != 53 ]; then # one trace first: the lab's JVM answers its first queries slowly
    "$tool" -s . --root-hints "$dir/root.hints" -p "$port" -t 2 www.z1.t2 >/dev/null 2>&1 || true
  fi
}

log "bench: building (if needed) ..."
"$tool" --version >/dev/null

report="$work/report.md"
{
  echo "# dnstracer --bulk benchmark"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)), $(free -h | awk '/^Mem:/ {print $2}') RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  # the launcher prefers a JDK 25+ under /usr/lib/jvm (unless DNSTRACER_JDK/DNSTRACER_JAVA say otherwise)
  jdk25=$(ls -d /usr/lib/jvm/temurin-2[5-9]-jdk* /usr/lib/jvm/*-2[5-9]* 2>/dev/null | tail -1 || true)
  echo "- java: ${jdk25:+$jdk25 by the launcher default, else }$(java -version 2>&1 | head -1) (on PATH)"
  echo "- lab: $NAMES names in $ZONES zones under 3 TLDs (bench/genbulklab.sh), served by a separate process (\`--lab-serve\`) on loopback"
  echo "- ours: \`dnstracer -s . --root-hints FILE -p PORT -t 1 --bulk names.txt --out FILE --parallel $PARALLEL --in-flight N --rate $RATE --no-progress\`, -Xmx$HEAP; names/s over the whole process (JVM start-up included), and as the run's own summary line counts it"
  echo
  echo "| run | one-way ms | names | wall s | names/s | names/s in the run | queries/name | peak RSS MB | load before | outcome |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$report"

for d in $DELAYS; do
  lab="$work/lab-$d"
  "$here/genbulklab.sh" $((2 * d)) "$ZONES" "$NAMES" "$lab"
  start_lab "$lab" "$PORT" || exit 1
  for inflight in $IN_FLIGHTS; do
  log "bench: --bulk, $NAMES names at $d ms each way, --in-flight $inflight ..."
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(now_ms)
  rc=0
  DNSTRACER_JAVA_OPTS="-Xmx$HEAP" /usr/bin/time -f '%M' -o "$work/rss" "$tool" -s . \
    --root-hints "$lab/root.hints" -p "$PORT" -t 1 --bulk "$lab/names.txt" --out "$work/out.ndjson" \
    --parallel "$PARALLEL" --in-flight "$inflight" --rate "$RATE" --no-progress 2>"$work/bulk.err" || rc=$?
  t1=$(now_ms)
  # the run's summary line (a second line may list the names with an error finding)
  summary=$(grep -E '^dnstracer: [0-9]+ names? in ' "$work/bulk.err" | tail -1)
  lines=$(wc -l <"$work/out.ndjson")
  qpn=$(sed -n 's/.*(\([0-9.]*\) per name).*/\1/p' <<<"$summary")
  inrun=$(sed -n 's/.*(\([0-9]*\) names\/s).*/\1/p' <<<"$summary")
  rss=$(($(tail -1 "$work/rss") / 1024))
  wall=$(awk -v ms=$((t1 - t0)) 'BEGIN {printf "%.1f", ms / 1000}')
  rate=$(awk -v n="$lines" -v ms=$((t1 - t0)) 'BEGIN {printf "%.0f", n * 1000 / ms}')
  echo "| --bulk --in-flight $inflight | $d | $lines | $wall | $rate | ${inrun:-NA} | ${qpn:-NA} | $rss | $load | exit $rc; $(sed 's/^dnstracer: //; s/|/\//g' <<<"$summary" | cut -d';' -f1 | sed 's/.*names\/s): //') |" >>"$report"
  [ "$lines" = "$NAMES" ] || { log "bench: $lines lines for $NAMES names"; cat "$work/bulk.err" >&2; exit 1; }
  done

  log "bench: shell loop of single runs, $SAMPLE names at $d ms each way ..."
  awk -v n="$SAMPLE" -v total="$NAMES" 'NR % int(total / n) == 1' "$lab/names.txt" | head -n "$SAMPLE" >"$work/sample.txt"
  t0=$(now_ms)
  maxrss=0
  while read -r name; do
    /usr/bin/time -f '%M' -o "$work/rss" "$tool" -s . --root-hints "$lab/root.hints" -p "$PORT" -t 1 \
      "$name" >/dev/null 2>&1 || true
    r=$(tail -1 "$work/rss"); [ "$r" -gt "$maxrss" ] && maxrss=$r
  done <"$work/sample.txt"
  t1=$(now_ms)
  n=$(wc -l <"$work/sample.txt")
  echo "| shell loop of single runs | $d | $n | $(awk -v ms=$((t1 - t0)) 'BEGIN {printf "%.1f", ms / 1000}') | $(awk -v n="$n" -v ms=$((t1 - t0)) 'BEGIN {printf "%.1f", n * 1000 / ms}') | | | $((maxrss / 1024)) | | one JVM per name |" >>"$report"
  stop_lab

  if [ "$CLASSIC" != no ] && [ -x /usr/bin/dnstracer ] && [ "$(id -u)" = 0 ] && command -v ip >/dev/null; then
    log "bench: classic dnstracer, $SAMPLE names at $d ms each way ..."
    netns="dtbulk$$"
    ip netns add "$netns"
    ip -n "$netns" link set lo up
    mkdir -p "/etc/netns/$netns"
    echo "nameserver 127.78.2.1" >"/etc/netns/$netns/resolv.conf" # serves host.tN and cdn.t3
    if ! start_lab "$lab" 53 ip netns exec "$netns"; then
      echo "| classic dnstracer, shell loop | $d | | | | | | | | not measured: the lab did not start in the namespace |" >>"$report"
      ip netns del "$netns" 2>/dev/null || true; rm -rf "/etc/netns/$netns"; netns=""
      continue
    fi
    t0=$(now_ms)
    while read -r name; do
      ip netns exec "$netns" timeout 60 dnstracer -t 1 -s 127.78.0.1 "$name" >/dev/null 2>&1 || true
    done <"$work/sample.txt"
    t1=$(now_ms)
    echo "| classic dnstracer, shell loop | $d | $n | $(awk -v ms=$((t1 - t0)) 'BEGIN {printf "%.1f", ms / 1000}') | $(awk -v n="$n" -v ms=$((t1 - t0)) 'BEGIN {printf "%.1f", n * 1000 / ms}') | | | | | in a loopback-only namespace |" >>"$report"
    stop_lab
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "/etc/netns/$netns"
    netns=""
  fi
done

echo >>"$report"
echo "queries/name counts every query sent for the name, the shared referrals excepted; a zone has 2 server addresses (3 with a lame or silent one)." >>"$report"
cat "$report"
if [ -n "$OUT" ]; then cp "$report" "$OUT"; fi
