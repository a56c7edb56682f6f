#!/usr/bin/env bash
# Generates one benchmark lab directory for dnstracer's in-process lab.
#
#   bench/genlab.sh SCENARIO DELAY_MS LOSS SEED OUTDIR
#
# SCENARIO  startup | healthy | wide | deep | dead | loss | glueless
# DELAY_MS  the lab's per-reply delay in ms: the added round-trip time (20 ms each way = 40)
# LOSS      drop probability of every UDP query at every server (e.g. 0 or 0.05); "loss" forces 0.05
# SEED      base of the per-server loss seeds (server i gets SEED*100+i), so each run can draw other drops
# OUTDIR    created or emptied; gets lab.conf, zone files, root.hints (named.root format) and scenario.env
#
# scenario.env holds: QNAME, ROOT_ADDR, RTTS (round trips on the slowest delegation chain, glueless lookups on
# the path included), DEAD (silent servers), PARENTS_OF_DEAD, RESOLVER (an address authoritative for the
# glueless name servers' zone, for the classic tool's resolv.conf) and DESCRIPTION.
set -euo pipefail

if [ $# -ne 5 ]; then
  echo "usage: $0 SCENARIO DELAY_MS LOSS SEED OUTDIR" >&2
  exit 2
fi
scenario=$1 delay=$2 loss=$3 seed=$4 out=$5
[ "$scenario" = loss ] && loss=0.05
mkdir -p "$out"
rm -f "$out"/*.zone "$out"/lab.conf "$out"/root.hints "$out"/scenario.env

server_no=0
# behaviour words of the next server line, in $bw (no subshell: the server count must advance)
behaviour() {
  server_no=$((server_no + 1))
  bw="delay=${delay}ms"
  if [ "$loss" != 0 ] && [ "$loss" != 0.0 ]; then
    bw="$bw loss=$loss seed=$((seed * 100 + server_no))"
  fi
}

soa() { # ZONE FILE
  printf '$TTL 300\n%s IN SOA a.root.bench. hostmaster.bench. 1 3600 600 86400 300\n' "$1" >"$out/$2"
}

# The root: one server, a.root.bench, 127.77.0.1.
root_zone() { # CHILD-ZONE NS-COUNT [v6-first]
  soa . root.zone
  {
    echo ". IN NS a.root.bench."
    echo "a.root.bench. IN A 127.77.0.1"
  } >>"$out/root.zone"
  behaviour
  echo "server a.root.bench 127.77.0.1 zones=.:root.zone $bw" >>"$out/lab.conf"
  printf '.                        3600000  NS  a.root.bench.\na.root.bench.            3600000  A   127.77.0.1\n' \
    >"$out/root.hints"
}

# level ZONE LEVEL-NO NS-COUNT PARENT-FILE [CHILD-ZONE CHILD-LEVEL CHILD-COUNT] [ipv6-on-first] [dead-last]
# Servers ns1..nsN.ZONE on 127.77.LEVEL.1..N, with glue in the parent's zone file.
add_level() {
  local zone=$1 lvl=$2 count=$3 parent_file=$4 v6=${5:-no} dead=${6:-no}
  local file="$zone.zone" i addrs extra
  soa "$zone." "$file"
  for i in $(seq 1 "$count"); do
    echo "$zone. IN NS ns$i.$zone." >>"$out/$file"
    echo "$zone. IN NS ns$i.$zone." >>"$out/$parent_file"
    echo "ns$i.$zone. IN A 127.77.$lvl.$i" >>"$out/$parent_file"
    echo "ns$i IN A 127.77.$lvl.$i" >>"$out/$file"
    addrs="127.77.$lvl.$i"
    if [ "$v6" = yes ] && [ "$i" = 1 ]; then
      echo "ns$i.$zone. IN AAAA ::1" >>"$out/$parent_file"
      echo "ns$i IN AAAA ::1" >>"$out/$file"
      addrs="$addrs,::1"
    fi
    extra=""
    if [ "$dead" = yes ] && [ "$i" = "$count" ]; then
      extra=" silent"
    fi
    behaviour
    echo "server ns$i.$zone $addrs zones=$zone:$file $bw$extra" >>"$out/lab.conf"
  done
}

leaf() { # ZONE
  echo "www IN A 192.0.2.80" >>"$out/$1.zone"
}

dead=0 parents=0 resolver=127.77.0.1
case "$scenario" in
  startup)
    # one server that answers for the name itself: one query, one round trip
    root_zone
    echo "www.bench. IN A 192.0.2.80" >>"$out/root.zone"
    qname=www.bench rtts=1 desc="1 server, 1 query"
    ;;
  healthy | dead)
    root_zone
    add_level test 1 2 root.zone
    if [ "$scenario" = dead ]; then
      add_level example.test 2 3 test.zone no yes
      dead=1 parents=2
      desc="root, 2 x test, 3 x example.test of which ns3 silent (asked by both test servers)"
    else
      add_level example.test 2 3 test.zone
      desc="root, 2 x test, 3 x example.test"
    fi
    leaf example.test
    qname=www.example.test rtts=3
    ;;
  wide | loss)
    root_zone
    add_level test 1 13 root.zone
    add_level example.test 2 13 test.zone yes
    leaf example.test
    qname=www.example.test rtts=3
    desc="root, 13 x test, 13 x example.test (A glue; ns1 also ::1)"
    [ "$scenario" = loss ] && desc="$desc, 5% UDP loss at every server"
    ;;
  deep)
    root_zone
    add_level test 1 2 root.zone
    parent=test lvl=1
    for l in 1 2 3 4 5 6; do
      lvl=$((lvl + 1))
      add_level "l$l.$parent" "$lvl" 2 "$parent.zone"
      parent="l$l.$parent"
    done
    leaf "$parent"
    qname="www.$parent" rtts=8
    desc="root + 7 cuts (test, l1 ... l6), 2 servers each"
    ;;
  glueless)
    # example.test is served by ns1/ns2.dns.net; the test servers know nothing of net, so their referral has no
    # glue: the trace must look the addresses up from the root (root, net, dns.net) before asking them.
    root_zone
    add_level test 1 2 root.zone
    add_level net 3 1 root.zone
    add_level dns.net 4 2 net.zone
    soa example.test. example.test.zone
    for i in 1 2; do
      echo "example.test. IN NS ns$i.dns.net." >>"$out/test.zone"
      echo "example.test. IN NS ns$i.dns.net." >>"$out/example.test.zone"
    done
    # the dns.net servers serve example.test too
    sed -i 's|^\(server ns[12].dns.net .* zones=dns.net:dns.net.zone\)|\1,example.test:example.test.zone|' "$out/lab.conf"
    leaf example.test
    resolver=127.77.4.1
    # root, test (glueless referral), look-up of ns1.dns.net: root, net, dns.net; then example.test
    qname=www.example.test rtts=6
    desc="root, 2 x test, example.test on 2 glueless servers ns1/ns2.dns.net"
    ;;
  *)
    echo "genlab: unknown scenario '$scenario'" >&2
    exit 2
    ;;
esac

cat >"$out/scenario.env" <<EOF
QNAME=$qname
ROOT_ADDR=127.77.0.1
RTTS=$rtts
DEAD=$dead
PARENTS_OF_DEAD=$parents
RESOLVER=$resolver
DESCRIPTION="$desc"
EOF
