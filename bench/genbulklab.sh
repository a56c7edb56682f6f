#!/usr/bin/env bash
# Generates the lab of the bulk benchmark: a root, 3 TLDs (t1 t2 t3, 2 servers each), ZONES zones hosted two by
# two on 20 hosting servers (in-bailiwick glue), of which every 10th of t1/t2 is glueless (its name servers live
# in cdn.t3), every 20th also names a lame server (REFUSED) and every 33rd a silent one; and NAMES names spread
# over the zones (even zones answer every name through a wildcard, odd zones only www: the rest is NXDOMAIN).
#
#   bench/genbulklab.sh DELAY_MS ZONES NAMES OUTDIR
#
# DELAY_MS is the lab's per-reply delay (20 ms each way = 40). OUTDIR gets lab.conf, the zone files, root.hints
# (named.root format) and names.txt; the servers listen on 127.78.x.y.
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 DELAY_MS ZONES NAMES OUTDIR" >&2
  exit 2
fi
delay=$1 zones=$2 names=$3 out=$4
hosts=20
mkdir -p "$out"
rm -f "$out"/*.zone "$out"/lab.conf "$out"/root.hints "$out"/names.txt
bw="delay=${delay}ms"

soa() { # ZONE FILE
  printf '$TTL 3600\n%s IN SOA ns1.nic.t1. hostmaster.nic.t1. 1 3600 600 86400 300\n' "$1" >"$out/$2"
}

soa . root.zone
echo ". IN NS a.root.bulk." >>"$out/root.zone"
echo "a.root.bulk. IN A 127.78.0.1" >>"$out/root.zone"
printf '.  3600000  NS  a.root.bulk.\na.root.bulk.  3600000  A  127.78.0.1\n' >"$out/root.hints"
echo "server a.root.bulk 127.78.0.1 zones=.:root.zone $bw" >"$out/lab.conf"

declare -A served # hosting server number -> its zones= list
for t in 1 2 3; do
  soa "t$t." "t$t.zone"
  for s in 1 2; do
    addr="127.78.1.$((2 * t - 2 + s))"
    echo "t$t. IN NS ns$s.nic.t$t." >>"$out/root.zone"
    echo "ns$s.nic.t$t. IN A $addr" >>"$out/root.zone"
    echo "t$t. IN NS ns$s.nic.t$t." >>"$out/t$t.zone"
    echo "ns$s.nic.t$t. IN A $addr" >>"$out/t$t.zone"
    echo "server ns$s.nic.t$t $addr zones=t$t:t$t.zone $bw" >>"$out/lab.conf"
  done
  # host.tN: the names of the hosting servers, with their glue in the TLD
  soa "host.t$t." "host.t$t.zone"
  for k in 1 2; do
    echo "host.t$t. IN NS ns$k.host.t$t." >>"$out/t$t.zone"
    echo "host.t$t. IN NS ns$k.host.t$t." >>"$out/host.t$t.zone"
  done
  for k in $(seq 1 $hosts); do
    echo "ns$k.host.t$t. IN A 127.78.2.$k" >>"$out/t$t.zone"
    echo "ns$k.host.t$t. IN A 127.78.2.$k" >>"$out/host.t$t.zone"
  done
  echo "lame.host.t$t. IN A 127.78.3.1" >>"$out/t$t.zone"
  echo "lame.host.t$t. IN A 127.78.3.1" >>"$out/host.t$t.zone"
  echo "dead.host.t$t. IN A 127.78.3.2" >>"$out/t$t.zone"
  echo "dead.host.t$t. IN A 127.78.3.2" >>"$out/host.t$t.zone"
  served[1]+="host.t$t:host.t$t.zone,"
  served[2]+="host.t$t:host.t$t.zone,"
done
# cdn.t3: where the glueless zones' name servers live
soa cdn.t3. cdn.t3.zone
for k in 1 2; do
  echo "cdn.t3. IN NS ns$k.host.t3." >>"$out/t3.zone"
  echo "cdn.t3. IN NS ns$k.host.t3." >>"$out/cdn.t3.zone"
done
echo "dns1.cdn.t3. IN A 127.78.2.5" >>"$out/cdn.t3.zone"
echo "dns2.cdn.t3. IN A 127.78.2.6" >>"$out/cdn.t3.zone"
served[1]+="cdn.t3:cdn.t3.zone,"
served[2]+="cdn.t3:cdn.t3.zone,"

glueless=0 lame=0 silent=0
for i in $(seq 0 $((zones - 1))); do
  t=$((i % 3 + 1))
  z="z$i.t$t"
  f="$z.zone"
  soa "$z." "$f"
  if [ "$t" != 3 ] && [ $((i % 10)) = 0 ]; then
    a=5 b=6 ns1="dns1.cdn.t3." ns2="dns2.cdn.t3."
    glueless=$((glueless + 1))
  else
    a=$((i % hosts + 1)) b=$(((i + 1) % hosts + 1))
    ns1="ns$a.host.t$t." ns2="ns$b.host.t$t."
  fi
  for ns in $ns1 $ns2; do
    echo "$z. IN NS $ns" >>"$out/t$t.zone"
    echo "$z. IN NS $ns" >>"$out/$f"
  done
  if [ $((i % 20)) = 7 ]; then
    echo "$z. IN NS lame.host.t$t." >>"$out/t$t.zone"
    echo "$z. IN NS lame.host.t$t." >>"$out/$f"
    lame=$((lame + 1))
  elif [ $((i % 33)) = 8 ]; then
    echo "$z. IN NS dead.host.t$t." >>"$out/t$t.zone"
    echo "$z. IN NS dead.host.t$t." >>"$out/$f"
    silent=$((silent + 1))
  fi
  echo "www IN A 192.0.2.80" >>"$out/$f"
  if [ $((i % 2)) = 0 ]; then
    echo "* IN A 192.0.2.1" >>"$out/$f"
  fi
  served[$a]+="$z:$f,"
  served[$b]+="$z:$f,"
done
for k in $(seq 1 $hosts); do
  echo "server ns$k.host 127.78.2.$k zones=${served[$k]%,} $bw" >>"$out/lab.conf"
done
echo "server lame.host 127.78.3.1 refuse $bw" >>"$out/lab.conf"
echo "server dead.host 127.78.3.2 silent" >>"$out/lab.conf"

awk -v n="$names" -v z="$zones" 'BEGIN {
  for (j = 0; j < n; j++) {
    i = j % z; t = i % 3 + 1
    printf "%s.z%d.t%d\n", (j % 10 == 0 ? "www" : "n" j), i, t
  }
}' >"$out/names.txt"
echo "bulk lab: $zones zones ($glueless glueless, $lame with a lame server, $silent with a silent one), $names names" >&2
