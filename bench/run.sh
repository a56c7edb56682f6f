#!/usr/bin/env bash
# dnstracer benchmark: full-tree traces against generated labs, compared with their critical path.
#
#   bench/run.sh            # everything: start-up, scenarios at 0 and 20 ms each way, classic tool (as root)
#   RUNS=3 bench/run.sh     # fewer runs per figure
#
# Environment (all optional):
#   RUNS=15            runs per figure (the median and the 90th percentile are reported)
#   DELAYS="0 20"      one-way delays in ms; the lab adds 2x this to every reply, so a round trip grows by 2x
#   SCENARIOS="healthy wide deep dead loss glueless"
#   TIMEOUT=1          -t given to both tools (seconds); also the dead-server allowance of the bound
#   CHECK_DELAY=20     one-way delay of the --check overhead measurement (healthy lab); CHECK_DELAY=no skips it
#   CLASSIC=auto       auto: compare with /usr/bin/dnstracer in a network namespace when root; no: skip
#   CLASSIC_RUNS=3     runs per classic figure (the classic tool is slow by design)
#   CLASSIC_LIMIT=60   seconds after which one classic run is killed (and reported as >= that)
#   OUT=FILE           also write the report (markdown) to FILE
#
# Never touches the network: every trace runs against an in-process lab on 127.77.x.y (--lab DIR), or inside a
# namespace that has nothing but loopback.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
tool="$root/dnstracer"
RUNS=${RUNS:-15}
DELAYS=${DELAYS:-"0 20"}
SCENARIOS=${SCENARIOS:-"healthy wide deep dead loss glueless"}
TIMEOUT=${TIMEOUT:-1}
CHECK_DELAY=${CHECK_DELAY:-20}
CLASSIC=${CLASSIC:-auto}
CLASSIC_RUNS=${CLASSIC_RUNS:-3}
CLASSIC_LIMIT=${CLASSIC_LIMIT:-60}
OUT=${OUT:-}

work="$(mktemp -d "${TMPDIR:-/tmp}/dnstracer-bench.XXXXXX")"
netns=""
lab_pid=""
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  if [ -n "$lab_pid" ]; then kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true; fi
  if [ -n "$netns" ]; then
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "/etc/netns/$netns"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }
# stamp VAR: ms since the epoch into VAR, from bash 5's clock and without a subshell (`date` in `$(...)` added 3-5 ms
# of process starts to every figure)
stamp() { local t=${EPOCHREALTIME//[.,]/}; printf -v "$1" '%s' "$((t / 1000))"; }
median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "NA"} else if (NR%2) {print v[(NR+1)/2]} else {print int((v[NR/2]+v[NR/2+1])/2)}}'; }
# p90: nearest rank, the smallest value with at least 90 % of the runs at or below it
p90() { sort -n | awk '{v[NR]=$1} END {if (NR==0) {print "NA"} else {r=int((NR*9+9)/10); print v[r]}}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b <= 0 || a == "NA") print "NA"; else printf "%.2f", a / b}'; }

# user + system CPU ms of this shell's finished children so far: `times` must run in the shell that waited for
# them (not in a pipe's subshell), so it writes to a file first. The load-independent part of a run's cost.
children_cpu_ms() {
  times >"$work/times.$BASHPID"
  awk 'NR == 2 {
    split($1, u, "m"); split($2, s, "m"); sub("s", "", u[2]); sub("s", "", s[2])
    printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$work/times.$BASHPID"
}

# time_ms CMD...: wall time of one run in ms on stdout; the command's output goes to $work/last.out.
# A run that exits with status 2 or higher (or a crash) stops the benchmark: its figures would mean nothing.
time_ms() {
  local t0 t1 rc=0 c0 c1
  children_cpu_ms >"$work/cpu0"
  stamp t0
  "$@" >"$work/last.out" 2>"$work/last.err" || rc=$?
  stamp t1
  children_cpu_ms >"$work/cpu1"
  c0=$(cat "$work/cpu0") c1=$(cat "$work/cpu1")
  echo $((c1 - c0)) >"$work/last.cpu"
  if [ "$rc" -ge 2 ] && [ "$rc" -ne 124 ]; then
    log "bench: '$*' failed with status $rc:"; sed 's/^/  /' "$work/last.err" >&2
    exit 1
  fi
  echo $((t1 - t0))
}

# first_line_ms CMD...: ms from start to the first line on stdout
first_line_ms() {
  local t0
  stamp t0
  "$@" 2>/dev/null | { IFS= read -r _ || true; stamp t1; echo $((t1 - t0)); cat >/dev/null; }
}

# --- build once (the launcher builds the jar when missing or stale, and makes the CDS archive) --------------
log "bench: building (if needed) ..."
"$tool" --version >/dev/null

report="$work/report.md"
{
  echo "# dnstracer benchmark"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)), $(free -h | awk '/^Mem:/ {print $2}') RAM, $(uname -sr)"
  echo "- java: $(java -version 2>&1 | head -1) (JDK 17 on PATH); the launcher picks a JDK 25 under /usr/lib/jvm when present"
  echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
  echo "- command: \`RUNS=$RUNS DELAYS=\"$DELAYS\" SCENARIOS=\"$SCENARIOS\" TIMEOUT=$TIMEOUT CLASSIC=$CLASSIC bench/run.sh\`"
  echo
} >"$report"

# --- start-up ------------------------------------------------------------------------------------------------
lab1="$work/lab-startup"
"$here/genlab.sh" startup 0 0 1 "$lab1"
# shellcheck disable=SC1091
. "$lab1/scenario.env"
# runs CMD... RUNS times; prints "median p90 median-cpu" of the wall times (ms) and of the CPU times (ms)
timed_runs() {
  local walls="" cpus="" w
  for _ in $(seq "$RUNS"); do
    w=$(time_ms "$@")
    walls="$walls $w" cpus="$cpus $(cat "$work/last.cpu")"
  done
  echo "$(printf '%s\n' $walls | median) $(printf '%s\n' $walls | p90) $(printf '%s\n' $cpus | median)"
}
# the same 1-server lab served by another process, as a real server would be: a trace against it is the tool's
# own start-up and work, without starting a lab in its JVM (bounded: it stops by itself after 30 minutes)
serve_port=$((20000 + RANDOM % 20000))
"$tool" --lab-serve "$lab1" -p "$serve_port" --lab-for 1800 >"$work/serve.out" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do grep -q "$ROOT_ADDR" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
measure_startup() { # LABEL ENV-ASSIGNMENT...
  local label=$1 v w f s
  shift
  read -r v vp vc <<<"$(timed_runs env "$@" "$tool" --version)"
  read -r w wp wc <<<"$(timed_runs env "$@" "$tool" --lab "$lab1" -t "$TIMEOUT" "$QNAME")"
  f=$(for _ in $(seq "$RUNS"); do first_line_ms env "$@" "$tool" --lab "$lab1" -t "$TIMEOUT" "$QNAME"; done | median)
  read -r s sp sc <<<"$(timed_runs env "$@" "$tool" -s "$ROOT_ADDR" -p "$serve_port" --root-hints "$lab1/root.hints" \
      -t "$TIMEOUT" "$QNAME")"
  echo "| $label | $v | $vp | $vc | $f | $w | $wp | $wc | $s | $sp | $sc |" >>"$report"
}
log "bench: start-up ..."
{
  echo "## Start-up (1-server lab, 1 query, no delay)"
  echo
  echo "Wall ms: median and 90th percentile of $RUNS runs; CPU ms: user + system time of the run (median), which a"
  echo "busy machine does not inflate the way it inflates wall time. \"in-process lab\": \`--lab DIR\`, the lab started"
  echo "in the tool's JVM; \"served lab\": the same lab served by another process (\`--lab-serve\`), traced with"
  echo "\`-s ROOT -p PORT --root-hints FILE\` as one traces a real server."
  echo
  echo "| way of running | \`--version\` ms | p90 | CPU ms | first output line ms (in-process lab) | whole 1-query trace ms (in-process lab) | p90 | CPU ms | whole 1-query trace ms (served lab) | p90 | CPU ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >>"$report"
jdk25=""
for candidate in /usr/lib/jvm/temurin-2[5-9]-jdk*/bin/java /usr/lib/jvm/*-2[5-9]*/bin/java; do
  if [ -x "$candidate" ]; then jdk25=$candidate; fi
done
# the launcher builds each archive on first use: do it before timing
DNSTRACER_JDK=17 "$tool" --version >/dev/null
[ -n "$jdk25" ] && DNSTRACER_JDK=25 "$tool" --version >/dev/null
measure_startup "JDK 17, no archive (DNSTRACER_JDK=17 DNSTRACER_CDS=off)" DNSTRACER_JDK=17 DNSTRACER_CDS=off
measure_startup "JDK 17 + CDS archive (DNSTRACER_JDK=17)" DNSTRACER_JDK=17
if [ -n "$jdk25" ]; then
  measure_startup "JDK $("$jdk25" -version 2>&1 | head -1 | cut -d'"' -f2), no cache (DNSTRACER_CDS=off)" DNSTRACER_JDK=25 DNSTRACER_CDS=off
  measure_startup "JDK $("$jdk25" -version 2>&1 | head -1 | cut -d'"' -f2) + AOT cache (launcher default)" DNSTRACER_JDK=25
else
  echo "| JDK 25 + AOT cache | no JDK 25 under /usr/lib/jvm | | | | | | | | | |" >>"$report"
fi
# the tool as installed from the archive or the .deb (README "Install"), when `mvn package` made its tree
# (dist/target/image): its launcher, jlinked runtime and class-data archive or AOT cache, no JDK of the machine
installed=$(compgen -G "$root/dist/target/image/*/bin/dnstracer" | head -1 || true)
if [ -n "$installed" ]; then
  launcher=$tool tool=$installed
  measure_startup "archive/.deb ($(sed -n 's/^JAVA_VERSION="\(.*\)"/jlinked JDK \1/p' "${installed%/bin/*}/runtime/release"))"
  tool=$launcher
else
  echo "| archive/.deb | not built (mvn -B package on Linux x86-64 makes dist/target/image) | | | | | | | | | |" >>"$report"
fi
# what no Java tool starts faster than on this machine now: a program that prints one line, with the launcher's
# JVM options (its time is in the --version column)
hello="$work/hello"
mkdir -p "$hello"
echo 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }' >"$hello/Hello.java"
for java in java $jdk25; do
  [ -n "$java" ] || continue
  javac_of=$(dirname "$(readlink -f "$(command -v "$java")")")/javac
  [ -x "$javac_of" ] || continue
  rm -f "$hello/Hello.class"
  "$javac_of" --release 17 -d "$hello" "$hello/Hello.java"
  read -r v vp vc <<<"$(timed_runs "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$hello" Hello)"
  echo "| a trivial Java program, JDK $("$java" -version 2>&1 | head -1 | cut -d'"' -f2), no launcher (for comparison) | $v | $vp | $vc | | | | | | | |" >>"$report"
done
echo >>"$report"
echo "Targets (issue 11): \`--version\` under 60 ms and a whole 1-query trace under 100 ms, through the launcher." >>"$report"
echo >>"$report"

# --- scenarios -----------------------------------------------------------------------------------------------
{
  echo "## Scenarios (our tool, in-process lab, \`./dnstracer --lab DIR -t $TIMEOUT NAME\`, launcher default)"
  echo
  echo "Critical path = round trips on the slowest delegation chain (glueless look-ups included) x 2 x one-way delay."
  echo "Bound = critical path + start-up + for a dead server one -t ($TIMEOUT s). Start-up is the median of the 1-query"
  echo "trace, timed right before each run of the scenario (the machine's load drifts). Targets at 20 ms each way:"
  echo "median <= 1.3 x bound without loss; with 5 % loss median <= 2 x bound and p90 <= 3 x bound. Queries: the"
  echo "tries and hedges of one more run with -v (glueless look-ups are not dumped)."
  echo
  echo "| scenario | one-way ms | RTTs | critical path ms | start-up ms | bound ms | median wall ms | p90 wall ms | median/bound | p90/bound | target | queries: tries + hedges (1 run, -v) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >>"$report"
fails=0
# over TARGET: bolds the ratio Q and counts a failure, at 20 ms and more only
judged() { # Q TARGET
  if [ "$d" != 0 ] && [ "$2" != - ] && awk -v q="$1" -v t="$2" 'BEGIN {exit !(q != "NA" && q + 0 > t + 0)}'; then
    fails=$((fails + 1))
    echo "**$1**"
  else
    echo "$1"
  fi
}
for d in $DELAYS; do
  for s in $SCENARIOS; do
    log "bench: $s at $d ms each way ..."
    lab="$work/lab-$s-$d"
    times="" starts=""
    for r in $(seq "$RUNS"); do
      "$here/genlab.sh" "$s" $((2 * d)) 0 "$r" "$lab"
      # start-up is timed right before each run, so that both see the same machine load
      starts="$starts $(time_ms "$tool" --lab "$lab1" -t "$TIMEOUT" www.bench)"
      times="$times $(time_ms "$tool" --lab "$lab" -t "$TIMEOUT" "$(. "$lab/scenario.env"; echo "$QNAME")")"
    done
    startup=$(printf '%s\n' $starts | median)
    # shellcheck disable=SC1091
    . "$lab/scenario.env"
    # one more run, untimed, with -v: every try of the tree's exchanges is dumped (retries and hedges included)
    "$here/genlab.sh" "$s" $((2 * d)) 0 $((RUNS + 1)) "$lab"
    time_ms "$tool" --lab "$lab" -t "$TIMEOUT" -v "$QNAME" >/dev/null
    tries=$(grep -c '^;; try ' "$work/last.out" || true)
    hedges=$(grep -c '^;; no reply after .*: hedged' "$work/last.out" || true)
    med=$(printf '%s\n' $times | median)
    p=$(printf '%s\n' $times | p90)
    cp=$((RTTS * 2 * d))
    bound=$((cp + startup + DEAD * TIMEOUT * 1000))
    mt=1.3 pt=-
    if [ "$s" = loss ]; then mt=2.0 pt=3.0; fi
    mq=$(judged "$(ratio "$med" "$bound")" "$mt")
    pq=$(judged "$(ratio "$p" "$bound")" "$pt")
    target="median $mt"
    [ "$pt" != - ] && target="$target, p90 $pt"
    [ "$d" = 0 ] && target="-"
    echo "| $s | $d | $RTTS | $cp | $startup | $bound | $med | $p | $mq | $pq | $target | $tries + $hedges |" >>"$report"
  done
done
echo >>"$report"

# --- what --check adds to a healthy trace ----------------------------------------------------------------------
# Every probe of every zone cut goes out at once after the trace, so --check should cost about one round trip
# (the slowest probe), not one per probe or per server.
if [ "$CHECK_DELAY" != no ]; then
  log "bench: --check on the healthy lab at $CHECK_DELAY ms each way ..."
  lab="$work/lab-check"
  "$here/genlab.sh" healthy $((2 * CHECK_DELAY)) 0 1 "$lab"
  # shellcheck disable=SC1091
  . "$lab/scenario.env"
  plain="" checked=""
  for _ in $(seq "$RUNS"); do
    # interleaved, so that both see the same machine load
    plain="$plain $(time_ms "$tool" --lab "$lab" -t "$TIMEOUT" "$QNAME")"
    checked="$checked $(time_ms "$tool" --lab "$lab" -t "$TIMEOUT" --check "$QNAME")"
  done
  pm=$(printf '%s\n' $plain | median)
  cm=$(printf '%s\n' $checked | median)
  rtt=$((2 * CHECK_DELAY))
  extra=$((cm - pm))
  {
    echo "## What \`--check\` adds (healthy lab: root, 2 x test, 3 x example.test; $CHECK_DELAY ms each way)"
    echo
    echo "| plain median ms | --check median ms | extra ms | extra in round trips ($rtt ms) | target |"
    echo "|---:|---:|---:|---:|---:|"
    echo "| $pm | $cm | $extra | $(ratio "$extra" "$rtt") | <= 1 round trip (+ noise) |"
    echo
  } >>"$report"
fi

# --- peak heap of a wide trace --------------------------------------------------------------------------------
lab="$work/lab-heap"
"$here/genlab.sh" wide 0 0 1 "$lab"
heap="more than 64"
for mx in 8 16 32 64; do
  if DNSTRACER_JAVA_OPTS="-Xmx${mx}m" "$tool" --lab "$lab" -t "$TIMEOUT" www.example.test >/dev/null 2>&1; then
    heap="$mx"
    break
  fi
done
echo "Peak heap of the wide trace (13 + 14 servers, lab in the same JVM): the smallest of -Xmx 8/16/32/64m that completes it: ${heap} MB." >>"$report"
echo >>"$report"

# --- the classic tool, side by side in a network namespace -----------------------------------------------------
classic() {
  if [ "$CLASSIC" = no ]; then echo "Classic comparison skipped (CLASSIC=no)." >>"$report"; return; fi
  if [ ! -x /usr/bin/dnstracer ] || [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then
    echo "Classic comparison skipped: needs root, ip(8) and /usr/bin/dnstracer." >>"$report"
    return
  fi
  netns="dtbench$$"
  ip netns add "$netns"
  ip -n "$netns" link set lo up
  mkdir -p "/etc/netns/$netns"
  local jar="$root/cli/target/dnstracer.jar"
  {
    echo "## Side by side with the classic dnstracer ($(dnstracer 2>&1 | head -1 | cut -d' ' -f1-4 || true))"
    echo
    echo "Network namespace with loopback only; the lab runs there on port 53 (\`dnstracer --lab-serve DIR -p 53\`)."
    echo "Classic: \`dnstracer -t $TIMEOUT -s ROOT NAME\`; ours: \`dnstracer -t $TIMEOUT -s ROOT --root-hints FILE -p 53 NAME\`."
    echo "Medians of $CLASSIC_RUNS runs each; a classic run is stopped after $CLASSIC_LIMIT s."
    echo
    echo "| scenario | one-way ms | classic ms | ours ms | classic/ours |"
    echo "|---|---:|---:|---:|---:|"
  } >>"$report"
  for d in $DELAYS; do
    for s in $SCENARIOS; do
      log "bench: classic vs ours, $s at $d ms each way ..."
      lab="$work/ns-$s-$d"
      "$here/genlab.sh" "$s" $((2 * d)) 0 1 "$lab"
      # shellcheck disable=SC1091
      . "$lab/scenario.env"
      echo "nameserver $RESOLVER" >"/etc/netns/$netns/resolv.conf"
      ip netns exec "$netns" "$tool" --lab-serve "$lab" -p 53 --lab-for 600 >"$work/lab.out" 2>&1 &
      lab_pid=$!
      for _ in $(seq 100); do grep -q '^Serving' "$work/lab.out" && break; sleep 0.1; done
      grep -q '^Serving' "$work/lab.out" || { log "bench: lab did not start:"; cat "$work/lab.out" >&2; exit 1; }
      local ct="" ot=""
      for _ in $(seq "$CLASSIC_RUNS"); do
        ct="$ct $(time_ms ip netns exec "$netns" timeout "$CLASSIC_LIMIT" dnstracer -t "$TIMEOUT" -s "$ROOT_ADDR" "$QNAME")"
        ot="$ot $(time_ms ip netns exec "$netns" "$tool" -t "$TIMEOUT" -s "$ROOT_ADDR" --root-hints "$lab/root.hints" -p 53 "$QNAME")"
      done
      kill "$lab_pid" 2>/dev/null || true
      wait "$lab_pid" 2>/dev/null || true
      lab_pid=""
      local cm om
      cm=$(printf '%s\n' $ct | median)
      om=$(printf '%s\n' $ot | median)
      echo "| $s | $d | $cm | $om | $(ratio "$cm" "$om") |" >>"$report"
    done
  done
  : "$jar"
}
classic
echo >>"$report"
[ "$fails" -gt 0 ] && echo "$fails scenario(s) missed their target (in bold)." >>"$report"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)." >>"$report"

cat "$report"
if [ -n "$OUT" ]; then cp "$report" "$OUT"; fi
