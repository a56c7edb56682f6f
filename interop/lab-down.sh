#!/usr/bin/env bash
# Tears the interop lab down: stops every process whose pid file lab-up.sh left in RUNDIR,
# then any process still inside the namespace (only the lab's own ever run there), and
# deletes the namespace and /etc/netns/NAMESPACE. Safe to run twice or after a failed start.
# Usage: lab-down.sh NAMESPACE RUNDIR
set -u
ns=$1 run=$2
pids=$(for f in "$run"/*.pid; do [ -f "$f" ] && head -n 1 "$f"; done; ip netns pids "$ns" 2>/dev/null)
for p in $pids; do kill "$p" 2>/dev/null; done
for i in $(seq 1 50); do
  alive=""; for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
  [ -z "$alive" ] && break
  sleep 0.1
done
for p in ${alive:-}; do kill -9 "$p" 2>/dev/null; done
ip netns del "$ns" 2>/dev/null
rm -rf "/etc/netns/$ns"
exit 0
