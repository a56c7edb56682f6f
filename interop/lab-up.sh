#!/usr/bin/env bash
# Builds the interop lab: a network namespace with only loopback, its own resolv.conf, and the
# DNS hierarchy of interop/zones served by real BIND, NSD and Knot on port 53 of 127.54.x.y and
# fd00::54:x:y. Nothing here can reach the host's resolver: the namespace has no other link.
# Every daemon writes a pid file into RUNDIR; lab-down.sh stops them by those pids.
# Usage: lab-up.sh NAMESPACE RUNDIR     (run as root; undo with lab-down.sh NAMESPACE RUNDIR)
set -euo pipefail
ns=$1 run=$2
here=$(cd "$(dirname "$0")" && pwd)
zones=$here/zones
in_ns() { timeout 20 ip netns exec "$ns" "$@"; }

ip netns add "$ns"
ip -n "$ns" link set lo up
# every address a server config names goes on lo: BIND listens only on addresses it finds on an
# interface (nodad: IPv6 addresses usable at once)
for a in $(grep -ohE '127\.54\.[0-9]+\.[0-9]+|fd00::54:[0-9]+:[0-9]+' "$here"/conf/*.conf | sort -u); do
  if [[ $a == *:* ]]; then ip -n "$ns" addr add "$a/128" dev lo nodad; else ip -n "$ns" addr add "$a/32" dev lo; fi
done
# ip netns exec bind-mounts this over /etc/resolv.conf: the system resolver inside the
# namespace is the lab's recursive BIND, never the host's
mkdir -p "/etc/netns/$ns"
echo "nameserver 127.0.0.1" > "/etc/netns/$ns/resolv.conf"

mkdir -p "$run"
for conf in "$here"/conf/*.conf; do
  name=$(basename "$conf" .conf)
  mkdir -p "$run/$name"
  sed -e "s|@RUN@|$run|g" -e "s|@ZONES@|$zones|g" -e "s|@INTEROP@|$here|g" "$conf" > "$run/$name.conf"
done

# the DNSSEC part: keys and signed zones in $run/signed (see sign-zones.sh)
bash "$here/sign-zones.sh" "$run"
# ns1.notcp.com: its TCP port is taken before BIND starts, so BIND serves it over UDP only
timeout 600 ip netns exec "$ns" /usr/bin/python3 "$here/silent.py" 127.54.46.1 600 tcp \
  > "$run/silent-tcp.log" 2>&1 &
echo $! > "$run/silent-tcp.pid"
for try in $(seq 1 50); do
  in_ns ss -ltnH 'sport = :53' | grep -q '127\.54\.46\.1:' && break
  sleep 0.1
done

# each daemon detaches itself and writes its pid file
for c in "$run"/named-*.conf; do in_ns named -n 1 -c "$c"; done
for c in "$run"/nsd-*.conf;   do in_ns nsd -c "$c"; done
for c in "$run"/knot-*.conf;  do in_ns knotd -d -c "$c"; done
timeout 600 ip netns exec "$ns" /usr/bin/python3 "$here/silent.py" 127.54.15.1 600 \
  > "$run/silent.log" 2>&1 &
echo $! > "$run/silent.pid"

# ready when one address of every server process answers for its zone (at most ~20 s)
ready() { in_ns dig +norec +time=1 +tries=1 "@$1" "$2" SOA 2>/dev/null | grep -q 'status: NOERROR'; }
for target in 127.54.0.1/. 127.54.0.2/. 127.54.0.3/. 127.54.1.2/com 127.54.2.1/net \
              127.54.3.1/org 127.54.3.2/org 127.54.10.2/example.com 127.54.10.3/example.com \
              127.0.0.1/example.com \
              127.54.50.1/sec 127.54.51.1/ok.sec 127.54.51.2/ok.sec 127.54.51.3/ok.sec; do
  for try in $(seq 1 20); do
    ready "${target%%/*}" "${target#*/}" && continue 2
    sleep 1
  done
  echo "lab-up: ${target%%/*} does not answer for ${target#*/}; logs in $run" >&2
  exit 1
done
echo "lab-up: namespace $ns ready, state in $run"
